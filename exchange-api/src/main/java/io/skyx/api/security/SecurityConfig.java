package io.skyx.api.security;

import java.time.InstantSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The security filter chain: JSON login with a session cookie and SPA-style CSRF (cookie {@code XSRF-TOKEN},
 * header {@code X-XSRF-TOKEN}) for the browser; HMAC-signed requests for bots (exempt from CSRF); 401/403 in
 * the JSON error shape. Public: market data, the WebSocket endpoint (its handler decides what is private),
 * health and metrics, the OpenAPI description, the web UI's static files, sign-up, login and the CSRF token.
 */
@Configuration
@EnableConfigurationProperties({SkyxSecurityProperties.class, RateLimitProperties.class})
class SecurityConfig {

    static final SimpleGrantedAuthority ROLE_USER = new SimpleGrantedAuthority("ROLE_USER");
    static final SimpleGrantedAuthority ROLE_ADMIN = new SimpleGrantedAuthority("ROLE_ADMIN");
    static final String SESSION_COOKIE = "JSESSIONID";

    @Bean
    SecurityFilterChain skyxSecurityFilterChain(HttpSecurity http, ApiKeys apiKeys, SkyxSecurityProperties props,
                                                CsrfTokenRepository csrfTokens,
                                                SecurityContextRepository contexts, RateLimitProperties rateLimits,
                                                Environment env) {
        SecurityErrorHandlers errors = new SecurityErrorHandlers();
        boolean local = env.acceptsProfiles(Profiles.of("local"));
        // The embedded Skycoin node's API is public like any Skycoin node's, and its POSTs carry Skycoin's own
        // X-CSRF-Token (checked by the node's handler), not the browser session's token.
        String skycoinApi = env.getProperty("skyx.node.api-prefix", "/skycoin") + "/**";
        http
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(ApiKeyAuthenticationFilter::isSigned)
                        .ignoringRequestMatchers(skycoinApi)
                        .ignoringRequestMatchers("/api/v1/skywire/records"))
                .securityContext(sc -> sc.securityContextRepository(contexts))
                .requestCache(rc -> rc.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .logout(l -> l.logoutUrl("/api/v1/auth/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT))
                        .deleteCookies(SESSION_COOKIE))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, props.maxSignedBodyBytes()), LogoutFilter.class)
                .addFilterAfter(new RateLimitFilter(new RateLimits(), rateLimits), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.GET, "/api/v1/markets", "/api/v1/markets/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/v1/reserves", "/api/v1/reserves/status").permitAll()
                            .requestMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/login").permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/v1/auth/csrf").permitAll()
                            .requestMatchers("/ws", "/ws/**").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers(skycoinApi).permitAll()
                            // Skywire relays: records authenticate themselves by the relay key's signature
                            .requestMatchers(HttpMethod.POST, "/api/v1/skywire/records").permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/v1/relays/*/receipts", "/api/v1/relays/*/activity")
                            .permitAll()
                            .requestMatchers("/api/v1/admin/audit").hasRole("ADMIN");
                    // metrics and API docs: public on one's own machine (local binds to loopback), else operators
                    String[] opsPages = {"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html"};
                    if (local) {
                        auth.requestMatchers(opsPages).permitAll();
                    } else {
                        auth.requestMatchers(opsPages).hasRole("ADMIN");
                    }
                    if (local) {
                        auth.requestMatchers("/api/v1/admin/**").authenticated();
                    } else {
                        auth.requestMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    }
                    auth.requestMatchers("/api/**").authenticated()
                            .requestMatchers("/actuator/**").hasRole("ADMIN")
                            .requestMatchers(HttpMethod.GET, "/**").permitAll()
                            .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                            .anyRequest().authenticated();
                });
        return http.build();
    }

    /** Requests the firewall rejects get 400 in the error shape, not the container's error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new SecurityErrorHandlers();
    }

    /** Argon2id with the OWASP minimum parameters (19 MiB, 2 iterations, 1 lane). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    /** The only authentication manager: e-mail + password against the users table (used by the login API). */
    @Bean
    AuthenticationManager authenticationManager(UserStore users, PasswordEncoder encoder) {
        return new ProviderManager(new PasswordAuthenticationProvider(users, encoder));
    }

    /** CSRF tokens kept in the session (mirrored into the XSRF-TOKEN cookie); cookie Secure as the session's. */
    @Bean
    CsrfTokenRepository csrfTokenRepository(
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        return new SessionBoundCsrfTokenRepository(secureCookies);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /** The session cookie is HttpOnly (the container's default) and SameSite=Lax. */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName(SESSION_COOKIE);
    }

    @Bean
    ApiKeys apiKeys(ApiKeyStore store, SkyxSecurityProperties props, Environment env) {
        return new ApiKeys(store, props, env, InstantSource.system());
    }

    @Bean
    LoginThrottle loginThrottle(SkyxSecurityProperties props) {
        return new LoginThrottle(props, InstantSource.system());
    }
}
