package com.deepenrich.camel.util;

import java.util.ArrayList;
import java.util.List;

import com.deepenrich.camel.ledger.PeopleRegistry;
import com.deepenrich.camel.ledger.WaitingContact;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * The contacts that waited for the people of a request, answered with its result: whoever emits the result appends
 * them to it, each a copy of her person's contact with its own custom fields, flagged deduplicated. They stay in the
 * people store until the route processed the result ({@link PeopleRegistry#answered}), so a crash in between emits
 * them again with the result.
 */
public final class WaitingAnswers {

    /** The result to emit, the waiting contacts it answers, and the request's people as the store held them. */
    public record Answered(EnrichmentResult result, List<String> waitingIds, List<PeopleRegistry.Answer> people) {
    }

    private WaitingAnswers() {
    }

    /**
     * Closes the holds of the request of {@code requestKey} and appends every contact waiting for its people to its
     * result; a result of no known request ({@code requestKey} null) answers no one.
     */
    public static Answered collect(PeopleRegistry people, EnrichmentResult result, String requestKey) {
        List<PeopleRegistry.Answer> answers = requestKey == null ? List.of() : people.answer(requestKey);
        List<EnrichedContact> contacts = null;
        List<String> ids = new ArrayList<>();
        for (PeopleRegistry.Answer answer : answers) {
            if (answer.waiting().isEmpty()) {
                continue;
            }
            if (contacts == null) {
                contacts = new ArrayList<>(result.getContacts());
            }
            EnrichedContact found = HeldContacts.find(result, answer.hold().position(), answer.hold().custom());
            for (WaitingContact waiting : answer.waiting()) {
                contacts.add(EnrichedContact.deduplicated(found, waiting.custom(), result.getId(),
                        result.getStatus()));
                ids.add(waiting.id());
            }
        }
        return new Answered(contacts == null ? result : result.withContacts(contacts), ids, answers);
    }
}
