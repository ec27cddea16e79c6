package com.deepenrich.camel.examples.benchmarks.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionReceipt;

/**
 * What became of every input contact, by its lead id (echoed back in {@code custom}): emitted in a result (with its
 * outcome), rejected before sending (with the reason), or not submitted and reported by the exchange's exception.
 */
final class ContactAccounting {

    private final Map<String, AtomicInteger> emissions = new ConcurrentHashMap<>();
    private final Map<String, ContactOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    private final Map<String, String> unsubmitted = new ConcurrentHashMap<>();
    private final AtomicInteger results = new AtomicInteger();
    private final AtomicInteger receipts = new AtomicInteger();
    private final List<SubmissionReceipt> receiptsNotAddingUp = new CopyOnWriteArrayList<>();

    void emitted(EnrichmentResult result) {
        results.incrementAndGet();
        for (EnrichedContact c : result.getContacts()) {
            String id = c.getCustom().get("lead_id");
            emissions.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            outcomes.put(id, c.getOutcome());
        }
    }

    void rejected(List<Rejection> rejections) {
        for (Rejection r : rejections) {
            rejected.put(leadId(r.getContact()), r.getField() + ": " + r.getReason());
        }
    }

    /** A bulk exchange's receipt, kept aside when its counts break {@code submitted + rejected = received}. */
    void receipt(SubmissionReceipt receipt) {
        receipts.incrementAndGet();
        if (receipt.getSubmitted() + receipt.getRejections().size() != receipt.getReceived()) {
            receiptsNotAddingUp.add(receipt);
        }
    }

    int receipts() {
        return receipts.get();
    }

    List<SubmissionReceipt> receiptsNotAddingUp() {
        return receiptsNotAddingUp;
    }

    void unsubmitted(List<Object> contacts, String why) {
        contacts.forEach(c -> unsubmitted.put(leadId(c), why));
    }

    /** The lead id of a contact as it was fed in: a map holding {@code custom.lead_id}. */
    static String leadId(Object contact) {
        Object custom = ((Map<?, ?>) contact).get("custom");
        return String.valueOf(((Map<?, ?>) custom).get("lead_id"));
    }

    boolean wasEmitted(String leadId) {
        return emissions.containsKey(leadId);
    }

    /** Distinct lead ids accounted for in any way. */
    int accounted() {
        Set<String> all = ConcurrentHashMap.newKeySet();
        all.addAll(emissions.keySet());
        all.addAll(rejected.keySet());
        all.addAll(unsubmitted.keySet());
        return all.size();
    }

    /** Lead ids accounted for more than once: emitted twice, or emitted and also rejected or reported unsent. */
    List<String> accountedTwice() {
        List<String> twice = new ArrayList<>();
        emissions.forEach((id, n) -> {
            if (n.get() > 1 || rejected.containsKey(id) || unsubmitted.containsKey(id)) {
                twice.add(id);
            }
        });
        rejected.keySet().stream().filter(unsubmitted::containsKey).forEach(twice::add);
        return twice;
    }

    /** Input lead ids of which nothing is known. */
    List<String> missing(List<String> inputIds) {
        return inputIds.stream().filter(id -> !emissions.containsKey(id) && !rejected.containsKey(id)
                                              && !unsubmitted.containsKey(id))
                .collect(Collectors.toList());
    }

    Map<ContactOutcome, Long> outcomes() {
        return new TreeMap<>(outcomes.values().stream().collect(Collectors.groupingBy(o -> o, Collectors.counting())));
    }

    ContactOutcome outcome(String leadId) {
        return outcomes.get(leadId);
    }

    Map<String, String> rejectedReasons() {
        return rejected;
    }

    Map<String, String> unsubmittedReasons() {
        return unsubmitted;
    }

    int results() {
        return results.get();
    }

    @Override
    public String toString() {
        return "emitted " + emissions.size() + " " + outcomes() + " in " + results() + " results, rejected "
               + rejected.size() + ", unsubmitted " + unsubmitted.size();
    }
}
