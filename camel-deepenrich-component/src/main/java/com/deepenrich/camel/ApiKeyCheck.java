package com.deepenrich.camel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code verifyKeyOnStartup}: the endpoint's start asks the API whom its key belongs to, once. A refused key stops the
 * start, so that it is told at once and not at the first batch; an API that cannot answer now does not, since every
 * request is retried anyway and the routes' error handling takes over.
 */
final class ApiKeyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyCheck.class);

    private ApiKeyCheck() {
    }

    /** Waits at most one request's timeout; runs on the thread starting the endpoint, never on a route's. */
    static void onStart(DeepEnrichEndpoint endpoint, DeepEnrichClient client) throws InterruptedException {
        long timeout = client.settings().requestTimeout().toMillis() + 1000;
        try {
            String workspace = client.withoutRetries().verifyKey().get(timeout, TimeUnit.MILLISECONDS);
            LOG.info("{}: the API key was verified at {} (workspace {})", endpoint.getReadableName(),
                    client.settings().baseUrl(), workspace);
        } catch (ExecutionException e) {
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof DeepEnrichAuthenticationException refused) {
                throw new DeepEnrichAuthenticationException(refused.getCode(), refused.getApiMessage()
                                                                               + "; the key was checked at the start of "
                                                                               + endpoint.getReadableName()
                                                                               + " (verifyKeyOnStartup): set "
                                                                               + "camel.component.deepenrich.api-key, "
                                                                               + "or the endpoint's apiKey, to a key "
                                                                               + "DeepEnrich accepts",
                        refused.getHttpStatus(), null, null);
            }
            couldNotCheck(endpoint, cause.getMessage());
        } catch (TimeoutException e) {
            couldNotCheck(endpoint, "no answer within " + timeout + " ms");
        }
    }

    private static void couldNotCheck(DeepEnrichEndpoint endpoint, String why) {
        LOG.warn("{}: could not verify the API key at start (verifyKeyOnStartup): {}; starting anyway, requests are "
                 + "retried as usual",
                endpoint.getReadableName(), why);
    }
}
