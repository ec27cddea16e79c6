package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * A contact not sent because its person was being enriched: it is answered with her result, with its own custom
 * fields. {@code id} is unique per submission and contact (a redelivery registers it again under the same id).
 */
public record WaitingContact(String id, String identity, Map<String, String> custom, Instant since) {

    public WaitingContact {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }
}
