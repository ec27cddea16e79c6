package com.deepenrich.camel;

/**
 * No answer from DeepEnrich after every retry: connection refused or reset, or the request timed out.
 */
public class DeepEnrichConnectionException extends DeepEnrichException {

    public DeepEnrichConnectionException(String code, String apiMessage, int httpStatus, String requestName,
                                         Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
