package com.deepenrich.camel.util;

import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.metrics.DeepEnrichMetrics;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.Message;

/** What the producer and the consumers put on a message, kept where both can see it. */
public final class DeepEnrichMessageHelper {

    private DeepEnrichMessageHelper() {
    }

    /**
     * A result as the body, with its id, name, status, credits, deduplicated and reused contacts and the credits they
     * avoided as headers: the same from
     * getResult and consumers.
     */
    public static void setResult(Message message, EnrichmentResult result) {
        message.setBody(result);
        message.setHeader(DeepEnrichConstants.ENRICHMENT_ID, result.getId());
        message.setHeader(DeepEnrichConstants.NAME, result.getName());
        message.setHeader(DeepEnrichConstants.STATUS, result.getStatus());
        message.setHeader(DeepEnrichConstants.CREDITS, result.getCredits());
        message.setHeader(DeepEnrichConstants.DEDUPLICATED, (int) result.countDeduplicated());
        message.setHeader(DeepEnrichConstants.REUSED, (int) result.countReused());
        message.setHeader(DeepEnrichConstants.CREDITS_AVOIDED, DeepEnrichMetrics.creditsAvoided(result));
    }
}
