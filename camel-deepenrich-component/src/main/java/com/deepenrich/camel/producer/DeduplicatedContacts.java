package com.deepenrich.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.util.HeldContacts;

/**
 * The body of an awaiting exchange whose batch had deduplicated or reused contacts: its own results merged, with each
 * deduplicated contact answered in its input place from the result of the contact sent for her person, and each
 * reused contact in its input place with her person's stored result.
 */
final class DeduplicatedContacts {

    private DeduplicatedContacts() {
    }

    /** {@code own}: the exchange's results, in request order. */
    static EnrichmentResult merge(PersonGuard.Split split, List<EnrichmentResult> own) {
        EnrichmentResult merged = own.isEmpty()
                ? EnrichmentResult.local(ReusedContacts.localId(), null, List.of()) : EnrichmentResult.merge(own);
        if (split.deduplicated().isEmpty() && split.reused().isEmpty()) {
            return merged;
        }
        SortedMap<Integer, EnrichedContact> answers = new TreeMap<>();
        for (PersonGuard.Deduplicated d : split.deduplicated()) {
            EnrichmentResult request = own.get(d.sender() / BulkRequest.MAX_CONTACTS);
            EnrichedContact found = HeldContacts.find(request, d.sender() % BulkRequest.MAX_CONTACTS,
                    split.toSend().contacts().get(d.sender()).getCustom());
            answers.put(d.index(), EnrichedContact.deduplicated(found, d.contact().getCustom(), request.getId(),
                    request.getStatus()));
        }
        split.reused().forEach(r -> answers.put(r.index(), r.answer()));
        List<EnrichedContact> sent = merged.getContacts();
        List<EnrichedContact> inOrder = new ArrayList<>(sent.size() + answers.size());
        int next = 0;
        for (Map.Entry<Integer, EnrichedContact> a : answers.entrySet()) {
            while (inOrder.size() < a.getKey() && next < sent.size()) {
                inOrder.add(sent.get(next++));
            }
            inOrder.add(a.getValue());
        }
        inOrder.addAll(sent.subList(next, sent.size()));
        return merged.withContacts(inOrder);
    }
}
