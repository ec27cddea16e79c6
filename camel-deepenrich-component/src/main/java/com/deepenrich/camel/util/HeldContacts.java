package com.deepenrich.camel.util;

import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * Finds a sent contact in its request's result, to answer the contacts that waited for her person. The API echoes
 * each contact's custom fields and (as far as known) keeps the request's order: the item at her position when its
 * custom fields are hers, else the one item with her custom fields, else the item at her position.
 */
public final class HeldContacts {

    private HeldContacts() {
    }

    /** The result's item for the contact sent at {@code position} with {@code custom}; null when there is none. */
    public static EnrichedContact find(EnrichmentResult result, int position, Map<String, String> custom) {
        List<EnrichedContact> contacts = result.getContacts();
        boolean inRange = position >= 0 && position < contacts.size();
        if (inRange && contacts.get(position).getCustom().equals(custom)) {
            return contacts.get(position);
        }
        if (!custom.isEmpty()) {
            List<EnrichedContact> same = contacts.stream().filter(c -> c.getCustom().equals(custom)).toList();
            if (same.size() == 1) {
                return same.get(0);
            }
        }
        return inRange ? contacts.get(position) : null;
    }
}
