package com.deepenrich.camel;

import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value the component cannot read, or an option it does not have, stops the start and says which: in camel-main
 * properties as in an endpoint URI (the starter's tests do the same for Spring Boot).
 */
class OptionsFailLoudlyTest {

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    static Stream<Arguments> unreadableProperties() {
        return Stream.of(
                Arguments.of("requests-per-minute", "ten", "not a whole number"),
                Arguments.of("max-retries", "five", "not a whole number"),
                Arguments.of("request-timeout", "soon", "not a duration"),
                Arguments.of("invalid-contacts", "drop", "drop"),
                Arguments.of("await-result", "yes", "not true or false"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("unreadableProperties")
    void anUnreadableCamelMainPropertyStopsTheStartNamingItAndItsValue(String property, String value, String why) {
        String message = failedStart("camel.component.deepenrich." + property, value);
        assertTrue(message.contains("camel.component.deepenrich."), message);
        assertTrue(message.contains("=" + value), message);
        assertTrue(message.contains(why), message);
    }

    @Test
    void aMisspeltCamelMainPropertyNamesTheOptionMeant() {
        String message = failedStart("camel.component.deepenrich.requests-per-minut", "30");
        assertTrue(message.contains("requestsPerMinut"), message);
        assertTrue(message.contains("did you mean requestsPerMinute?"), message);
    }

    @Test
    void aMisspeltUriOptionNamesTheOptionMeant() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> camel.getEndpoint("deepenrich:bulk?apiKey=k&callbackUri=http://127.0.0.1:9/cb&maxRetry=2"));
        assertTrue(e.getMessage().contains("due to: Unknown option callbackUri (did you mean callbackUrl?)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("maxRetry (did you mean maxRetries?)"), e.getMessage());
    }

    @Test
    void anUnknownEnumValueInTheUriNamesTheOptionAndTheValue() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> camel.getEndpoint("deepenrich:bulk?invalidContacts=drop"));
        String message = messages(e);
        assertTrue(message.contains("invalidContacts") && message.contains("drop"), message);
    }

    /** The messages of the exception a camel-main start with {@code property=value} ends with, causes included. */
    private static String failedStart(String property, String value) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addOverrideProperty("camel.component.deepenrich.api-key", "k");
        main.addOverrideProperty(property, value);
        try {
            Exception e = assertThrows(Exception.class, main::start);
            return messages(e);
        } finally {
            main.stop();
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
