package com.deepenrich.camel.examples.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and validates a {@code POST /contact/enrich/bulk} body, failing with the API's 400 codes.
 */
final class BulkRequestParser {

    private static final int MAX_CONTACTS = 100;
    private static final int MAX_CUSTOM_KEYS = 10;
    private static final int MAX_CUSTOM_VALUE_LENGTH = 100;
    private static final Set<String> DEFAULT_ENRICH_FIELDS = Set.of(ContactInput.EMAILS);
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern LINKEDIN_URL = Pattern.compile("(?i)(https?://)?([a-z0-9-]+\\.)*linkedin\\.com/\\S+");

    private BulkRequestParser() {
    }

    static BulkRequest parse(InputStream body) throws ApiException {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw ApiError.REQUEST_INVALID.exception();
        }
        String name = text(root, "name");
        if (name.isBlank()) {
            throw ApiError.NAME_EMPTY.exception();
        }
        URI webhookUrl = webhookUrl(text(root, "webhook_url"));
        JsonNode datas = root.path("datas");
        if (!datas.isArray() || datas.isEmpty()) {
            throw ApiError.DATA_EMPTY.exception();
        }
        if (datas.size() > MAX_CONTACTS) {
            throw ApiError.DATA_EXCEEDED.exception();
        }
        List<ContactInput> contacts = new ArrayList<>(datas.size());
        for (JsonNode data : datas) {
            contacts.add(contact(data));
        }
        return new BulkRequest(name, webhookUrl, List.copyOf(contacts));
    }

    private static JsonNode readTree(InputStream body) throws ApiException {
        try {
            return Json.MAPPER.readTree(body); // an empty body reads as a missing node
        } catch (IOException e) {
            throw ApiError.REQUEST_INVALID.exception();
        }
    }

    private static URI webhookUrl(String value) throws ApiException {
        if (value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw ApiError.WEBHOOK_URL.exception();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiError.WEBHOOK_URL.exception();
        }
    }

    private static ContactInput contact(JsonNode data) throws ApiException {
        if (!data.isObject()) {
            throw ApiError.REQUEST_INVALID.exception();
        }
        String firstname = text(data, "firstname");
        String lastname = text(data, "lastname");
        String domain = text(data, "domain");
        String companyName = text(data, "company_name");
        String linkedinUrl = text(data, "linkedin_url");
        if (firstname.isBlank()) {
            throw ApiError.FIRSTNAME_EMPTY.exception();
        }
        if (lastname.isBlank()) {
            throw ApiError.LASTNAME_EMPTY.exception();
        }
        if (domain.isBlank() && companyName.isBlank()) {
            throw ApiError.DOMAIN_EMPTY.exception();
        }
        if (!domain.isBlank() && !DOMAIN.matcher(domain.strip()).matches()) {
            throw ApiError.DOMAIN_INVALID.exception();
        }
        if (!linkedinUrl.isBlank() && !LINKEDIN_URL.matcher(linkedinUrl.strip()).matches()) {
            throw ApiError.LINKEDIN_URL_INVALID.exception();
        }
        return new ContactInput(firstname, lastname, domain, companyName, linkedinUrl,
                enrichFields(data.path("enrich_fields")), custom(data.path("custom")));
    }

    private static Set<String> enrichFields(JsonNode node) throws ApiException {
        if (node.isMissingNode() || node.isNull()) {
            return DEFAULT_ENRICH_FIELDS;
        }
        if (!node.isArray()) {
            throw ApiError.REQUEST_INVALID.exception();
        }
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode field : node) {
            if (!field.isTextual()) {
                throw ApiError.REQUEST_INVALID.exception();
            }
            fields.add(field.textValue());
        }
        return Set.copyOf(fields);
    }

    private static Map<String, String> custom(JsonNode node) throws ApiException {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiError.REQUEST_INVALID.exception();
        }
        if (node.size() > MAX_CUSTOM_KEYS) {
            throw ApiError.CUSTOM_KEY_EXCEEDED.exception();
        }
        Map<String, String> custom = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isTextual() || value.textValue().length() > MAX_CUSTOM_VALUE_LENGTH) {
                throw ApiError.CUSTOM_VALUE_EXCEEDED.exception();
            }
            custom.put(entry.getKey(), value.textValue());
        }
        return Collections.unmodifiableMap(custom);
    }

    /** A string field; absent or null reads as "", any other type is an invalid request. */
    private static String text(JsonNode parent, String field) throws ApiException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw ApiError.REQUEST_INVALID.exception();
        }
        return node.textValue();
    }
}
