package com.deepenrich.camel.health;

import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.client.Futures;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a DeepEnrich endpoint: the API answers and accepts the key (GET /account/keys/verify). It runs on
 * the health-check thread, never on a route's, so waiting for the answer there is fine.
 */
public class DeepEnrichHealthCheck extends AbstractHealthCheck {

    private final DeepEnrichEndpoint endpoint;

    public DeepEnrichHealthCheck(DeepEnrichEndpoint endpoint) {
        super("camel", "deepenrich-" + endpoint.getConfiguration().getOperation() + "-"
                       + Integer.toHexString(System.identityHashCode(endpoint)));
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, java.util.Map<String, Object> options) {
        builder.detail("baseUrl", endpoint.getConfiguration().getBaseUrl());
        if (endpoint.getClient() == null) {
            builder.down().message("endpoint not started");
            return;
        }
        try {
            String workspace = endpoint.getClient().verifyKey()
                    .get(endpoint.getConfiguration().getRequestTimeout() + 1000, TimeUnit.MILLISECONDS);
            builder.detail("workspaceId", workspace).up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().error(e);
        } catch (Exception e) {
            Throwable cause = Futures.unwrap(e);
            builder.down().error(cause).message(cause.getMessage());
            if (cause instanceof DeepEnrichException de) {
                builder.detail("code", String.valueOf(de.getCode())).detail("httpStatus", de.getHttpStatus());
            }
        }
    }
}
