package com.deepenrich.camel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Status of a DeepEnrich bulk enrichment. A value the API adds later reads as {@link #UNKNOWN}.
 */
public enum EnrichmentStatus {

    CREATED,
    IN_PROGRESS,
    CANCELED,
    CREDITS_INSUFFICIENT,
    FINISHED,
    RATE_LIMIT,
    @JsonEnumDefaultValue
    UNKNOWN;

    /** FINISHED, CANCELED and CREDITS_INSUFFICIENT: the enrichment will not change any more. */
    public boolean isFinal() {
        return this == FINISHED || this == CANCELED || this == CREDITS_INSUFFICIENT;
    }
}
