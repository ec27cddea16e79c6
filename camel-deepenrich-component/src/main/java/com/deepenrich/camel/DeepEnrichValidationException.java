package com.deepenrich.camel;

import java.util.List;
import java.util.stream.Collectors;

import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionProgress;

/**
 * Contacts or a request the API would refuse. Raised before sending (then {@link #getRejections()} names each bad
 * contact by index, field and reason, and nothing was sent) or from the API's own HTTP 400.
 */
public class DeepEnrichValidationException extends DeepEnrichException {

    /** Contacts spelled out in the message; all of them are in {@link #getRejections()}. */
    private static final int LISTED = 20;

    private final List<Rejection> rejections;

    public DeepEnrichValidationException(String code, String apiMessage, int httpStatus, String requestName,
                                         Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
        this.rejections = List.of();
    }

    /** Raised before sending: nothing was submitted. {@code rejections} holds one rejection per refused contact. */
    public DeepEnrichValidationException(List<Rejection> rejections, int received, String requestName) {
        super("invalid.contacts", describe(rejections, received), 0, requestName, null);
        this.rejections = List.copyOf(rejections);
    }

    /**
     * Counts the invalid contacts, says what {@code invalidContacts=skip} would have done when some are valid (under
     * skip the exchange fails only when none is), then spells out the first {@value #LISTED}.
     */
    private static String describe(List<Rejection> rejections, int received) {
        String each = rejections.stream().limit(LISTED).map(Rejection::toString).collect(Collectors.joining("; "));
        String more = rejections.size() > LISTED
                ? "; and " + (rejections.size() - LISTED) + " more contacts (see getRejections())" : "";
        int valid = received - rejections.size();
        String skip = valid > 0
                ? " (invalidContacts=fail; invalidContacts=skip would send the " + valid + " valid ones and list the "
                  + "invalid in header " + DeepEnrichConstants.REJECTED + ")"
                : "";
        return rejections.size() + " of " + received + " contacts are invalid, nothing was sent" + skip + ": " + each
               + more;
    }

    /**
     * Each contact refused before sending, once, with its index and every problem found (field and reason). When the
     * API itself refused the request, those the component refused before ({@code invalidContacts=skip}), if any.
     */
    @Override
    public List<Rejection> getRejections() {
        return rejections.isEmpty() ? super.getRejections() : rejections;
    }

    protected DeepEnrichValidationException(DeepEnrichValidationException failure, SubmissionProgress progress) {
        super(failure, progress);
        this.rejections = failure.rejections;
    }

    @Override
    public DeepEnrichValidationException withProgress(SubmissionProgress progress) {
        return new DeepEnrichValidationException(this, progress);
    }
}
