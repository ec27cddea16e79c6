package com.deepenrich.camel.model;

/**
 * What happened to one contact. A blank contact of a job that ran out of credits is
 * {@link #CREDITS_INSUFFICIENT}, never {@link #NOT_FOUND}.
 */
public enum ContactOutcome {

    /** An email or a phone was found. */
    FOUND,
    /** The enrichment ran for this contact and found nothing. */
    NOT_FOUND,
    /** The account ran out of credits before this contact was enriched: submit it again later. */
    CREDITS_INSUFFICIENT,
    /** The enrichment was canceled before this contact was enriched. */
    CANCELED,
    /** The enrichment has not reached a final status yet (partial results). */
    PENDING;

    static ContactOutcome of(boolean found, EnrichmentStatus status) {
        if (found) {
            return FOUND;
        }
        if (status == null) {
            return PENDING;
        }
        switch (status) {
            case FINISHED:
                return NOT_FOUND;
            case CREDITS_INSUFFICIENT:
                return CREDITS_INSUFFICIENT;
            case CANCELED:
                return CANCELED;
            default:
                return PENDING;
        }
    }
}
