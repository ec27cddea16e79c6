package com.deepenrich.camel.client;

import java.util.List;

import com.deepenrich.camel.model.Contact;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of POST /contact/enrich/bulk: a name, an optional webhook URL and 1 to 100 contacts. */
@JsonPropertyOrder({"name", "webhook_url", "datas"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkRequest(
                          @JsonProperty("name") String name,
                          @JsonProperty("webhook_url") String webhookUrl,
                          @JsonProperty("datas") List<Contact> contacts) {

    /** At most this many contacts in one request (DeepEnrich's documented limit). */
    public static final int MAX_CONTACTS = 100;
}
