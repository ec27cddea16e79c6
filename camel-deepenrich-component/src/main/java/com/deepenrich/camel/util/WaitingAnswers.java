package com.deepenrich.camel.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.ledger.PeopleRegistry;
import com.deepenrich.camel.ledger.WaitingContact;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * The contacts that waited for the people of an enrichment, answered with its result: whoever emits the result
 * appends them to it, each a copy of her person's contact with its own custom fields, flagged deduplicated. They stay
 * in the people store until the route processed the result ({@link PeopleRegistry#answered}), so a crash in between
 * emits them again with the result.
 */
public final class WaitingAnswers {

    /** The result to emit, and the waiting contacts it answers. */
    public record Answered(EnrichmentResult result, List<String> waitingIds) {
    }

    private WaitingAnswers() {
    }

    /** Closes the enrichment's holds and appends every contact waiting for its people to its result. */
    public static Answered collect(PeopleRegistry people, EnrichmentResult result) {
        List<PeopleRegistry.Answer> answers = people.answer(result.getId());
        if (answers.isEmpty()) {
            return new Answered(result, List.of());
        }
        List<EnrichedContact> contacts = new ArrayList<>(result.getContacts());
        List<String> ids = new ArrayList<>();
        for (PeopleRegistry.Answer answer : answers) {
            EnrichedContact found = HeldContacts.find(result, answer.hold().position(), answer.hold().custom());
            for (WaitingContact waiting : answer.waiting()) {
                contacts.add(EnrichedContact.deduplicated(found, customOf(waiting), result.getId(),
                        result.getStatus()));
                ids.add(waiting.id());
            }
        }
        return new Answered(result.withContacts(contacts), ids);
    }

    private static Map<String, String> customOf(WaitingContact waiting) {
        try {
            return DeepEnrichJson.mapper().readValue(waiting.contact(), Contact.class).getCustom();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable waiting contact " + waiting.id(), e);
        }
    }
}
