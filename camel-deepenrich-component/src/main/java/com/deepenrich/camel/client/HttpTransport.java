package com.deepenrich.camel.client;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * How the component reaches the API: the settings that shape one JDK {@link HttpClient}. Endpoints with equal
 * settings share one client (and its connection pool).
 */
public record HttpTransport(long connectTimeoutMillis, SSLContextParameters sslContextParameters, String proxyHost,
                            Integer proxyPort, String proxyUsername, String proxyPassword) {

    public HttpTransport {
        if (proxyHost != null && proxyPort == null) {
            throw new IllegalArgumentException("proxyHost " + proxyHost + " is set without proxyPort");
        }
    }

    /**
     * The client keeps the JDK's own executor for its internal tasks: run on its selector thread instead
     * ({@code executor(Runnable::run)}), an answer over HTTP/2 is now and then never handed to the {@code send}
     * waiting for it, which then waits for requestTimeout (PeopleOnTwoNodesTest shows it against WireMock's h2c).
     */
    public HttpClient build(CamelContext camelContext) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContextParameters != null) {
            builder.sslContext(sslContextParameters.createSSLContext(camelContext));
        }
        if (proxyHost != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxyHost, proxyPort)));
            if (proxyUsername != null) {
                builder.authenticator(new ProxyAuthenticator(proxyUsername, proxyPassword));
            }
        }
        return builder.build();
    }

    /** Answers the proxy's 407 only, never a server's 401 (the API key is a bearer token, not a password). */
    private static final class ProxyAuthenticator extends Authenticator {

        private final String username;
        private final char[] password;

        ProxyAuthenticator(String username, String password) {
            this.username = username;
            this.password = password == null ? new char[0] : password.toCharArray();
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(username, password) : null;
        }
    }

    /** Where the API is reached, for the startup line: never a secret. */
    public String describe() {
        return (sslContextParameters != null ? "own TLS settings" : "JVM TLS settings")
               + (proxyHost != null ? ", proxy " + proxyHost + ":" + proxyPort
                                      + (proxyUsername != null ? " (authenticated)" : "")
                       : ", no proxy");
    }

    @Override
    public String toString() {
        return describe();
    }
}
