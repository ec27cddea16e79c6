package com.deepenrich.camel;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * The API key is missing or not accepted (HTTP 401/403, codes error.authorization.not_set, error.authorization.not_bearer, error.api.key).
 */
public class DeepEnrichAuthenticationException extends DeepEnrichException {

    public DeepEnrichAuthenticationException(String code, String apiMessage, int httpStatus, String requestName,
                                             Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }

    protected DeepEnrichAuthenticationException(DeepEnrichAuthenticationException failure,
                                                SubmissionProgress progress) {
        super(failure, progress);
    }

    @Override
    public DeepEnrichAuthenticationException withProgress(SubmissionProgress progress) {
        return new DeepEnrichAuthenticationException(this, progress);
    }
}
