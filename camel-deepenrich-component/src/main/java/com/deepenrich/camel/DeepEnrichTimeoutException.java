package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * {@code awaitResult} gave up waiting: the enrichments named here are still running. Their ids stay in the ledger,
 * so a {@code results} consumer still emits them when they finish.
 */
public class DeepEnrichTimeoutException extends DeepEnrichException {

    private final List<String> pendingIds;

    public DeepEnrichTimeoutException(List<String> pendingIds, String requestName, long waitedMillis) {
        super("await.timeout", "no final status after " + waitedMillis + " ms for enrichment ids " + pendingIds, 0,
                requestName, null);
        this.pendingIds = List.copyOf(pendingIds);
    }

    public List<String> getPendingIds() {
        return pendingIds;
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    protected DeepEnrichTimeoutException(DeepEnrichTimeoutException failure, SubmissionProgress progress) {
        super(failure, progress);
        this.pendingIds = failure.pendingIds;
    }

    @Override
    public DeepEnrichTimeoutException withProgress(SubmissionProgress progress) {
        return new DeepEnrichTimeoutException(this, progress);
    }
}
