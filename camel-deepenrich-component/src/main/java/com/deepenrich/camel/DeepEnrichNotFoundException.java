package com.deepenrich.camel;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * The enrichment id is unknown to DeepEnrich (HTTP 404, error.enrichment.not_found).
 */
public class DeepEnrichNotFoundException extends DeepEnrichException {

    public DeepEnrichNotFoundException(String code, String apiMessage, int httpStatus, String requestName,
                                       Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }

    protected DeepEnrichNotFoundException(DeepEnrichNotFoundException failure, SubmissionProgress progress) {
        super(failure, progress);
    }

    @Override
    public DeepEnrichNotFoundException withProgress(SubmissionProgress progress) {
        return new DeepEnrichNotFoundException(this, progress);
    }
}
