package com.deepenrich.camel.converter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.ContactMapper;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.Converter;

/**
 * Type converters of the component's types: each to JSON {@code String} and to {@code Map} (in the API's field
 * names, unknown API fields included), and {@link Contact} and {@link EnrichmentResult} back from a {@code Map} or
 * JSON. A contact map's keys are matched leniently, as the {@code bulk} producer does; a result read here carries
 * each contact's outcome.
 */
@Converter(generateLoader = true)
public final class DeepEnrichConverters {

    private DeepEnrichConverters() {
    }

    @Converter
    public static String resultToJson(EnrichmentResult result) {
        return DeepEnrichJson.writeString(result);
    }

    @Converter
    public static Map<String, Object> resultToMap(EnrichmentResult result) {
        return DeepEnrichJson.toMap(result);
    }

    @Converter
    public static String receiptToJson(SubmissionReceipt receipt) {
        return DeepEnrichJson.writeString(receipt);
    }

    @Converter
    public static Map<String, Object> receiptToMap(SubmissionReceipt receipt) {
        return DeepEnrichJson.toMap(receipt);
    }

    @Converter
    public static String enrichedContactToJson(EnrichedContact contact) {
        return DeepEnrichJson.writeString(contact);
    }

    @Converter
    public static Map<String, Object> enrichedContactToMap(EnrichedContact contact) {
        return DeepEnrichJson.toMap(contact);
    }

    @Converter
    public static String contactToJson(Contact contact) {
        return DeepEnrichJson.writeString(contact);
    }

    @Converter
    public static Map<String, Object> contactToMap(Contact contact) {
        return DeepEnrichJson.toMap(contact);
    }

    /** Keys are matched leniently ({@code First Name}, {@code first_name} ...); other keys become custom fields. */
    @Converter
    public static Contact mapToContact(Map<?, ?> map) {
        return ContactMapper.toContact(map);
    }

    @Converter
    public static Contact jsonToContact(String json) throws IOException {
        return ContactMapper.toContact(DeepEnrichJson.mapper().readValue(json, Map.class));
    }

    @Converter
    public static Contact jsonToContact(byte[] json) throws IOException {
        return ContactMapper.toContact(DeepEnrichJson.mapper().readValue(json, Map.class));
    }

    @Converter
    public static EnrichmentResult mapToResult(Map<?, ?> map) {
        return DeepEnrichJson.fromMap(map, EnrichmentResult.class).withOutcomes();
    }

    @Converter
    public static EnrichmentResult jsonToResult(String json) throws IOException {
        return DeepEnrichJson.readResult(json.getBytes(StandardCharsets.UTF_8));
    }

    @Converter
    public static EnrichmentResult jsonToResult(byte[] json) throws IOException {
        return DeepEnrichJson.readResult(json);
    }
}
