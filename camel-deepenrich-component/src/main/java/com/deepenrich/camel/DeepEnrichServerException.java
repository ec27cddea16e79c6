package com.deepenrich.camel;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * DeepEnrich kept answering 5xx after every retry.
 */
public class DeepEnrichServerException extends DeepEnrichException {

    public DeepEnrichServerException(String code, String apiMessage, int httpStatus, String requestName,
                                     Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    protected DeepEnrichServerException(DeepEnrichServerException failure, SubmissionProgress progress) {
        super(failure, progress);
    }

    @Override
    public DeepEnrichServerException withProgress(SubmissionProgress progress) {
        return new DeepEnrichServerException(this, progress);
    }
}
