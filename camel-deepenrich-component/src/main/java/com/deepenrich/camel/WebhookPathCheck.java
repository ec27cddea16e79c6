package com.deepenrich.camel;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.StartupListener;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a webhook consumer listens on the path the webhook component generated (a hash of the endpoint URI,
 * used when {@code webhookPath} is not set) while a callback URL is configured: DeepEnrich's callbacks would all be
 * answered 404 and the results would come only by the poll fallback. Checked once the context started, when every
 * producer endpoint (the ones that carry the callback URL) exists.
 */
final class WebhookPathCheck implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookPathCheck.class);

    private final DeepEnrichEndpoint endpoint;
    /** Camel may tell a listener added after the start both "started" and "fully started": warn once. */
    private final AtomicBoolean checked = new AtomicBoolean();

    private WebhookPathCheck(DeepEnrichEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    static void onStart(DeepEnrichEndpoint endpoint) {
        try {
            endpoint.getCamelContext().addStartupListener(new WebhookPathCheck(endpoint));
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (alreadyStarted) {
            check(context);
        }
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        check(context);
    }

    private void check(CamelContext context) {
        WebhookConfiguration webhook = endpoint.getWebhookConfiguration();
        if (!checked.compareAndSet(false, true) || webhook == null || webhook.getWebhookPath() != null) {
            return;
        }
        String callbackUrl = callbackUrl(context);
        if (callbackUrl != null) {
            LOG.warn("webhook:{} listens on the generated path {} but DeepEnrich calls back {}: every callback gets "
                     + "404 and results come only by the poll fallback; add webhookPath={} to the webhook URI",
                    endpoint.getReadableName(), webhook.computeFullPath(false), callbackUrl,
                    URI.create(callbackUrl).getPath());
        }
    }

    /** A callback URL some deepenrich endpoint (or the component) sends with its requests. */
    private String callbackUrl(CamelContext context) {
        for (Endpoint e : context.getEndpoints()) {
            if (e instanceof DeepEnrichEndpoint de && de.getConfiguration().getCallbackUrl() != null) {
                return de.getConfiguration().getCallbackUrl();
            }
        }
        return endpoint.getComponent().getConfiguration().getCallbackUrl();
    }
}
