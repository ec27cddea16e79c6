package com.deepenrich.camel;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * The account has no credits left for this request (HTTP 402). Contacts not submitted are kept on the exception.
 */
public class DeepEnrichInsufficientCreditsException extends DeepEnrichException {

    public DeepEnrichInsufficientCreditsException(String code, String apiMessage, int httpStatus, String requestName,
                                                  Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }

    protected DeepEnrichInsufficientCreditsException(DeepEnrichInsufficientCreditsException failure,
                                                     SubmissionProgress progress) {
        super(failure, progress);
    }

    @Override
    public DeepEnrichInsufficientCreditsException withProgress(SubmissionProgress progress) {
        return new DeepEnrichInsufficientCreditsException(this, progress);
    }
}
