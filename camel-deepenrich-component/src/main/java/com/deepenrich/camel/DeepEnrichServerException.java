package com.deepenrich.camel;

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
}
