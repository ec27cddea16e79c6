package com.deepenrich.camel;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * DeepEnrich kept answering 429 Too Many Requests after every retry.
 */
public class DeepEnrichRateLimitException extends DeepEnrichException {

    public DeepEnrichRateLimitException(String code, String apiMessage, int httpStatus, String requestName,
                                        Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    protected DeepEnrichRateLimitException(DeepEnrichRateLimitException failure, SubmissionProgress progress) {
        super(failure, progress);
    }

    @Override
    public DeepEnrichRateLimitException withProgress(SubmissionProgress progress) {
        return new DeepEnrichRateLimitException(this, progress);
    }
}
