package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * A {@code bulk} request was written to DeepEnrich but no answer came (a reset or a timeout after the request left):
 * the API may have accepted it, as a job that will be charged and whose webhook will carry the contacts' custom
 * fields. The request is not sent again blindly (that could pay twice): {@link #getInDoubtContacts()} are the
 * contacts of that request, as received; {@link #getUnsubmittedContacts()} those after it, which were not sent;
 * {@link #getSubmittedIds()} the requests accepted before it. Wait for a result carrying the in-doubt contacts
 * (their custom ids) before deciding to send them again, or set {@code retryInDoubtSubmissions=true} to retry
 * blindly.
 */
public class DeepEnrichInDoubtException extends DeepEnrichConnectionException {

    public DeepEnrichInDoubtException(String apiMessage, String requestName, Throwable cause) {
        super("request.in_doubt", apiMessage, 0, requestName, cause);
    }

    /** The contacts of the request whose fate is unknown, as received. */
    public List<Object> getInDoubtContacts() {
        return getProgress().inDoubtContacts();
    }

    /** Not transient: sending it again may create a second, paid job. */
    @Override
    public boolean isTransient() {
        return false;
    }

    protected DeepEnrichInDoubtException(DeepEnrichInDoubtException failure, SubmissionProgress progress) {
        super(failure, progress);
    }

    @Override
    public DeepEnrichInDoubtException withProgress(SubmissionProgress progress) {
        return new DeepEnrichInDoubtException(this, progress);
    }
}
