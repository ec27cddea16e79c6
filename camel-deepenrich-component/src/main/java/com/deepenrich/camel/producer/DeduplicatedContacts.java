package com.deepenrich.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.util.HeldContacts;

/**
 * The body of an awaiting exchange whose batch had deduplicated contacts: its own results merged, with each
 * deduplicated contact answered in its input place from the result that holds her person (a request of this exchange,
 * or another's it read too).
 */
final class DeduplicatedContacts {

    private DeduplicatedContacts() {
    }

    /** The enrichments of other exchanges this one waits for, to read with its own. */
    static List<String> heldElsewhere(PersonGuard.Split split, List<String> own) {
        Set<String> ids = new LinkedHashSet<>();
        for (PersonGuard.Deduplicated d : split.deduplicated()) {
            if (d.ownSender() < 0 && !own.contains(d.hold().enrichmentId())) {
                ids.add(d.hold().enrichmentId());
            }
        }
        return List.copyOf(ids);
    }

    /** Own results in chunk order; {@code byId} every result read (own and {@link #heldElsewhere}) by id. */
    static EnrichmentResult merge(PersonGuard.Split split, List<EnrichmentResult> own,
                                  Map<String, EnrichmentResult> byId) {
        EnrichmentResult merged = EnrichmentResult.merge(own);
        if (split.deduplicated().isEmpty()) {
            return merged;
        }
        List<EnrichedContact> sent = merged.getContacts();
        List<EnrichedContact> inOrder = new ArrayList<>(sent.size() + split.deduplicated().size());
        int next = 0;
        for (PersonGuard.Deduplicated d : split.deduplicated()) {
            while (inOrder.size() < d.index() && next < sent.size()) {
                inOrder.add(sent.get(next++));
            }
            inOrder.add(answer(d, split, merged, own, byId));
        }
        inOrder.addAll(sent.subList(next, sent.size()));
        return merged.withContacts(inOrder);
    }

    private static EnrichedContact answer(PersonGuard.Deduplicated d, PersonGuard.Split split,
                                          EnrichmentResult merged, List<EnrichmentResult> own,
                                          Map<String, EnrichmentResult> byId) {
        if (d.ownSender() >= 0) {
            EnrichmentResult chunk = own.get(d.ownSender() / BulkRequest.MAX_CONTACTS);
            EnrichedContact found = HeldContacts.find(merged, d.ownSender(),
                    split.toSend().contacts().get(d.ownSender()).getCustom());
            return EnrichedContact.deduplicated(found, d.contact().getCustom(), chunk.getId(), chunk.getStatus());
        }
        EnrichmentResult theirs = byId.get(d.hold().enrichmentId());
        EnrichedContact found = HeldContacts.find(theirs, d.hold().position(), d.hold().custom());
        return EnrichedContact.deduplicated(found, d.contact().getCustom(), theirs.getId(), theirs.getStatus());
    }
}
