package com.deepenrich.camel.examples.simulator;

import com.deepenrich.camel.examples.simulator.ResultModel.Contact;

/**
 * Charges a due job, contact by contact in order: 1 credit per contact with an email found, 10 per phone found;
 * the documentation's test contact is free, and (when enabled) so is a contact identical to one enriched by a job
 * that finished before this one was submitted. The first contact the balance cannot cover ends the job as
 * CREDITS_INSUFFICIENT; it and the following ones get no data.
 */
final class Billing {

    private static final long CREDITS_PER_EMAIL = 1;
    private static final long CREDITS_PER_PHONE = 10;

    private final CreditAccount account;
    private final FakeEnricher enricher;
    private final ContactHistory history;
    private final SimulatorStats stats;
    private final boolean freeReenrichment;

    Billing(CreditAccount account, FakeEnricher enricher, ContactHistory history, SimulatorStats stats,
            boolean freeReenrichment) {
        this.account = account;
        this.enricher = enricher;
        this.history = history;
        this.stats = stats;
        this.freeReenrichment = freeReenrichment;
    }

    Job.Outcome settle(Job job) {
        long now = System.nanoTime();
        JobStatus status = JobStatus.FINISHED;
        long spent = 0;
        int enriched = 0;
        for (ContactInput contact : job.contacts()) {
            long price = price(contact, job.submittedAt());
            if (price > 0 && !account.tryCharge(price)) {
                status = JobStatus.CREDITS_INSUFFICIENT;
                break;
            }
            spent += price;
            enriched++;
            if (freeReenrichment) {
                history.recordEnriched(contact, now);
            }
        }
        stats.countCreditsSpent(spent);
        return new Job.Outcome(status, spent, enriched);
    }

    private long price(ContactInput contact, long submittedAt) {
        if (contact.isDocumentationTestContact()
            || freeReenrichment && history.enrichedBefore(contact, submittedAt)) {
            return 0;
        }
        Contact found = enricher.enrich(contact);
        long email = found.mostProbableEmail().isEmpty() ? 0 : CREDITS_PER_EMAIL;
        return email + CREDITS_PER_PHONE * found.phones().size();
    }
}
