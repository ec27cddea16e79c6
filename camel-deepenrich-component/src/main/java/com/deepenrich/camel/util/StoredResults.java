package com.deepenrich.camel.util;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.deepenrich.camel.ledger.PeopleRegistry;
import com.deepenrich.camel.ledger.StoredResult;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.deepenrich.camel.model.PersonIdentity;

/**
 * Keeps, for {@code reuseResultsWithin}, the people's results of a request that arrived: the results consumer for
 * the people its request held (each hold tells how long her result is kept), an awaiting exchange for the contacts
 * it sent. A result that ended unfinished, or a contact that found nothing for lack of credits or a cancel, is not
 * kept: the person is sent again.
 */
public final class StoredResults {

    private StoredResults() {
    }

    /** Keeps the found results of the people the request held, whose holds ask to keep them. */
    public static void keep(PeopleRegistry people, WaitingAnswers.Answered answered, EnrichmentResult result,
                            Instant now) {
        if (result.getStatus() != EnrichmentStatus.FINISHED) {
            return;
        }
        List<StoredResult> kept = new ArrayList<>();
        for (PeopleRegistry.Answer answer : answered.people()) {
            Duration keep = answer.hold().keepResultFor();
            if (!keep.isZero()) {
                stored(HeldContacts.find(result, answer.hold().position(), answer.hold().custom()),
                        answer.hold().identity(), keep, now, kept);
            }
        }
        if (!kept.isEmpty()) {
            people.keep(kept);
        }
    }

    /**
     * Keeps, for {@code keep}, the found results of the contacts an exchange sent in requests of {@code requestSize}
     * ({@code results} in request order), each of identity {@code identities} (with its enrich fields).
     */
    public static void keepSent(PeopleRegistry people, List<EnrichmentResult> results, List<Contact> sent,
                                List<String> identities, int requestSize, Duration keep, Instant now) {
        List<StoredResult> kept = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            EnrichmentResult result = results.get(i / requestSize);
            if (result.getStatus() == EnrichmentStatus.FINISHED) {
                stored(HeldContacts.find(result, i % requestSize, sent.get(i).getCustom()), identities.get(i), keep,
                        now, kept);
            }
        }
        if (!kept.isEmpty()) {
            people.keep(kept);
        }
    }

    private static void stored(EnrichedContact found, String identity, Duration keep, Instant now,
                               List<StoredResult> kept) {
        if (found != null && found.getOutcome() != ContactOutcome.CREDITS_INSUFFICIENT
            && found.getOutcome() != ContactOutcome.CANCELED) {
            kept.add(new StoredResult(PersonIdentity.personOf(identity), PersonIdentity.enrichFieldsOf(identity),
                    DeepEnrichJson.writeString(found), now, now.plus(keep)));
        }
    }
}
