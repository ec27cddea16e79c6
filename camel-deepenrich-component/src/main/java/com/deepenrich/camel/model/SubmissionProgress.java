package com.deepenrich.camel.model;

import java.util.List;

/**
 * How far a {@code bulk} exchange got before it failed: the enrichment ids accepted (already in the ledger), the
 * contacts of a request the API may have accepted (in doubt), those not sent, and those refused before sending. With
 * the receipt's contacts they add up to what the exchange received.
 */
public record SubmissionProgress(List<String> submittedIds, List<Object> inDoubtContacts,
                                 List<Object> unsubmittedContacts, List<Rejection> rejections) {

    /** A failure before anything was sent or refused. */
    public static final SubmissionProgress NONE = new SubmissionProgress(List.of(), List.of(), List.of(), List.of());

    public SubmissionProgress {
        submittedIds = List.copyOf(submittedIds);
        inDoubtContacts = List.copyOf(inDoubtContacts);
        unsubmittedContacts = List.copyOf(unsubmittedContacts);
        rejections = List.copyOf(rejections);
    }
}
