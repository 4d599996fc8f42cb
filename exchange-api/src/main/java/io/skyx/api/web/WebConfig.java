package io.skyx.api.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Web-wide settings of the API: the request body size limit, applied before security and parsing. */
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
}
