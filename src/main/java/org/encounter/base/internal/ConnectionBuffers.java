package org.encounter.base.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The read and the write buffer Tomcat keeps for each open connection. A browser keeps its connection open while the
 * person reads, so with hundreds of people signed in these buffers are a large share of what each of them costs the
 * server: two of Tomcat's default 8 KB, 16 KB a person. Tomcat's documentation advises smaller ones for many
 * keep-alive connections. The app's messages are small (a click or a typed sentence is well under 2 KB); a larger
 * body (an upload) or answer streams through in more pieces. Request headers have their own buffer
 * ({@code server.max-http-request-header-size}), and TLS, where Tomcat ends it, has its own.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionBuffers {

    @Bean
    TomcatConnectorCustomizer smallConnectionBuffers(@Value("${encounter.http.connection-buffer:2KB}") DataSize size) {
        String bytes = Long.toString(size.toBytes());
        return connector -> {
            connector.setProperty("socket.appReadBufSize", bytes);
            connector.setProperty("socket.appWriteBufSize", bytes);
        };
    }
}
