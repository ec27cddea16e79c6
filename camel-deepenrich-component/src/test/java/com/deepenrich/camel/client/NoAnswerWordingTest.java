package com.deepenrich.camel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How a failure without an answer is told in the retry warnings and the connection failure: the JDK's own exceptions
 * carry no message, so each kind gets its words; and where the API was looked for, its port included.
 */
class NoAnswerWordingTest {

    @Test
    void eachKindOfNoAnswerIsToldApart() {
        assertEquals("could not connect, refused or nothing listens there (java.net.ConnectException)",
                DeepEnrichClient.why(withCause(new ConnectException(), new ClosedChannelException())));
        assertEquals("the host name does not resolve (java.net.ConnectException)",
                DeepEnrichClient.why(withCause(new ConnectException(), new UnresolvedAddressException())));
        assertEquals("no connection within connectTimeout (java.net.http.HttpConnectTimeoutException)",
                DeepEnrichClient.why(new HttpConnectTimeoutException("HTTP connect timed out")));
        assertEquals("no answer within requestTimeout (java.net.http.HttpTimeoutException)",
                DeepEnrichClient.why(new HttpTimeoutException("request timed out")));
        assertEquals("java.io.IOException: Connection reset",
                DeepEnrichClient.why(new IOException("Connection reset")));
    }

    @Test
    void theHostAndPortIncludeTheSchemesDefaultPort() {
        assertEquals("app.deepenrich.com:443",
                DeepEnrichClient.hostAndPort(URI.create("https://app.deepenrich.com/api/v1/contact/enrich/bulk")));
        assertEquals("proxy.local:80", DeepEnrichClient.hostAndPort(URI.create("http://proxy.local/api/v1")));
        assertEquals("127.0.0.1:8089", DeepEnrichClient.hostAndPort(URI.create("http://127.0.0.1:8089/api/v1")));
    }

    private static <T extends Throwable> T withCause(T failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }
}
