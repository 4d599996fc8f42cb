package io.skyx.api.web;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web-wide settings of the API, applied before security and parsing: the request body size limit, content
 * negotiation (JSON only), and Tomcat's own error reports in the error shape.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${skyx.api.max-body-bytes:16384}") long maxBytes) {
        FilterRegistrationBean<BodySizeLimitFilter> reg = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes));
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        reg.addUrlPatterns("/*");
        return reg;
    }

    @Bean
    FilterRegistrationBean<JsonAcceptFilter> jsonAcceptFilter() {
        FilterRegistrationBean<JsonAcceptFilter> reg = new FilterRegistrationBean<>(new JsonAcceptFilter());
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        reg.addUrlPatterns("/api/*");
        return reg;
    }

    /**
     * {@link JsonBodyResolver} ahead of Spring's own {@code @RequestBody} processing (custom resolvers otherwise come
     * after it).
     */
    @Bean
    SmartInitializingSingleton jsonBodyResolverFirst(RequestMappingHandlerAdapter adapter, JsonMapper mapper) {
        return () -> {
            List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(adapter.getArgumentResolvers());
            resolvers.addFirst(new JsonBodyResolver(mapper));
            adapter.setArgumentResolvers(resolvers);
        };
    }

    /** Swaps the host's HTML error report valve for {@link JsonErrorReportValve} once Tomcat runs. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> jsonErrorReports() {
        return event -> {
            if (event.getWebServer() instanceof TomcatWebServer tomcat) {
                Host host = tomcat.getTomcat().getHost();
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve && !(v instanceof JsonErrorReportValve)) {
                        host.getPipeline().removeValve(v);
                    }
                }
                host.getPipeline().addValve(new JsonErrorReportValve());
            }
        };
    }
}
