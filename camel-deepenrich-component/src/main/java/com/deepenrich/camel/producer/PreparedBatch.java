package com.deepenrich.camel.producer;

import java.util.ArrayList;
import java.util.List;

import com.deepenrich.camel.DeepEnrichValidationException;
import com.deepenrich.camel.InvalidContactsPolicy;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.ContactMapper;
import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionProgress;
import org.apache.camel.Message;

/**
 * The contacts of one {@code bulk} exchange after mapping and validation: those to send (with the item each came
 * from) and those refused, one rejection per contact with all its problems. {@code contacts + rejections = received},
 * always.
 */
record PreparedBatch(List<Contact> contacts, List<Object> sourceItems, List<Rejection> rejections, int received) {

    static PreparedBatch prepare(Message message, List<String> defaultFields, InvalidContactsPolicy policy,
                                 String requestName) {
        List<Object> items = ContactReader.read(message);
        // immutable and null-free once per batch, so that no contact copies it again (List.copyOf keeps such a list)
        List<String> fields = List.copyOf(defaultFields);
        List<Contact> contacts = new ArrayList<>(items.size());
        List<Object> sources = new ArrayList<>(items.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            ContactMapper.Mapped mapped = ContactMapper.map(i, item);
            if (mapped.rejection() != null) {
                rejections.add(mapped.rejection());
                continue;
            }
            ContactValidator.Checked checked = ContactValidator.check(i, mapped.contact(), item, fields);
            if (checked.rejection() != null) {
                rejections.add(checked.rejection());
                continue;
            }
            contacts.add(checked.contact());
            sources.add(item);
        }
        if (!rejections.isEmpty() && (policy == InvalidContactsPolicy.fail || contacts.isEmpty())) {
            // the valid contacts were not sent either: the failure lists them, as every failure of bulk does
            throw new DeepEnrichValidationException(rejections, items.size(), requestName)
                    .withProgress(new SubmissionProgress(List.of(), List.of(), sources, rejections));
        }
        return new PreparedBatch(contacts, sources, rejections, items.size());
    }

    /** Requests of at most {@code size} contacts each, in input order. */
    List<List<Contact>> chunks(int size) {
        List<List<Contact>> out = new ArrayList<>();
        for (int from = 0; from < contacts.size(); from += size) {
            out.add(contacts.subList(from, Math.min(contacts.size(), from + size)));
        }
        return out;
    }
}
