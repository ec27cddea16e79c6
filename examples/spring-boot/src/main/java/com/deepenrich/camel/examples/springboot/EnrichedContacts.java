package com.deepenrich.camel.examples.springboot;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.stereotype.Component;

/** The last {@link #CAPACITY} enriched contacts received, as JSON, for {@code GET /contacts/enriched}. */
@Component
public class EnrichedContacts {

    static final int CAPACITY = 1_000;

    private final Deque<String> latest = new ArrayDeque<>();

    public synchronized void add(String json) {
        if (latest.size() == CAPACITY) {
            latest.removeFirst();
        }
        latest.addLast(json);
    }

    /** One JSON object per line, oldest first. */
    public synchronized String asJsonLines() {
        return latest.isEmpty() ? "" : String.join("\n", latest) + "\n";
    }
}
