package com.deepenrich.camel.examples.simulator;

import java.net.URI;
import java.util.List;

/**
 * A validated {@code POST /contact/enrich/bulk} body.
 *
 * @param webhookUrl null when the request has none
 */
record BulkRequest(String name, URI webhookUrl, List<ContactInput> contacts) {
}
