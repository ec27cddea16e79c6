package com.deepenrich.camel.ledger;

import java.time.Instant;

/**
 * A contact not sent because its person was being enriched: it is answered with her result. {@code id} is unique
 * per submission and contact (a redelivery registers it again under the same id); {@code contact} is the contact
 * as JSON, with its custom fields.
 */
public record WaitingContact(String id, String identity, String contact, Instant since) {
}
