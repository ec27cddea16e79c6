package com.deepenrich.camel;

/**
 * The account has no credits left for this request (HTTP 402). Contacts not submitted are kept on the exception.
 */
public class DeepEnrichInsufficientCreditsException extends DeepEnrichException {

    public DeepEnrichInsufficientCreditsException(String code, String apiMessage, int httpStatus, String requestName,
                                                  Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }
}
