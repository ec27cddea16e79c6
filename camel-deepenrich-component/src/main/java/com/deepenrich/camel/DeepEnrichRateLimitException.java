package com.deepenrich.camel;

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
}
