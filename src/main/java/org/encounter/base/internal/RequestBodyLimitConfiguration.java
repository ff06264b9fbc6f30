package org.encounter.base.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Puts the request body cap in front of every other filter, security included. */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimitConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${encounter.uploads.max-bytes:8MB}") DataSize maxUpload,
            @Value("${encounter.http.max-request-body:1MB}") DataSize maxBody) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(maxUpload.toBytes(), maxBody.toBytes()));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
