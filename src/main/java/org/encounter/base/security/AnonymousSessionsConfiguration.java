package org.encounter.base.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Counts anonymous sessions outside Spring Security, so sessions it or Vaadin creates are all seen. */
@Configuration(proxyBeanMethods = false)
class AnonymousSessionsConfiguration {

    @Bean
    FilterRegistrationBean<AnonymousSessions> anonymousSessions(
            @Value("${encounter.http.max-anonymous-sessions-per-client:50}") int cap) {
        var registration = new FilterRegistrationBean<>(new AnonymousSessions(cap));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setEnabled(cap > 0);
        return registration;
    }
}
