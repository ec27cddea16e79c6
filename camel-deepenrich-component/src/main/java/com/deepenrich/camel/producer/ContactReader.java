package com.deepenrich.camel.producer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.DeepEnrichValidationException;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Message;

/**
 * Reads the contacts of a {@code bulk} body as received, one item per contact: a {@link Contact}, a {@link Map}, a
 * {@link Iterable}, {@link Iterator} or array of either, or JSON text (String, bytes, InputStream, or anything
 * Camel converts to a stream, such as a file) holding an array of contacts or an object with {@code datas}.
 */
public final class ContactReader {

    private ContactReader() {
    }

    /**
     * The items of a {@code bulk} body in input order, each a {@link Contact}, a {@link Map} or, for a JSON item that
     * is no object, its JSON text (refused later by index). A body of another type (a file, ...) is read as JSON
     * when Camel can convert it to an {@link InputStream}. The list is the caller's to read, not to change.
     *
     * @throws DeepEnrichValidationException when the body is null, empty, of an unreadable type or not JSON
     */
    public static List<Object> read(Message message) {
        Object body = message.getBody();
        if (body == null) {
            throw emptyBody("the message body is null");
        }
        List<Object> items;
        if (body instanceof Contact || body instanceof Map) {
            items = List.of(body); // one contact per exchange is the aggregator's every call: no list to grow
        } else if (body instanceof Collection<?> collection) {
            items = new ArrayList<>(collection);
        } else if (body instanceof Iterable<?> iterable) {
            items = new ArrayList<>();
            iterable.forEach(items::add);
        } else if (body instanceof Iterator<?> iterator) {
            items = new ArrayList<>();
            iterator.forEachRemaining(items::add);
        } else if (body instanceof Object[] array) {
            items = new ArrayList<>(Arrays.asList(array));
        } else if (body instanceof String || body instanceof byte[] || body instanceof InputStream) {
            items = fromJson(body);
        } else {
            items = fromJson(convertedToStream(message, body));
        }
        if (items.isEmpty()) {
            throw emptyBody("the message body holds no contacts");
        }
        return items;
    }

    private static InputStream convertedToStream(Message message, Object body) {
        InputStream stream = message.getBody(InputStream.class);
        if (stream == null) {
            String type = body.getClass().getName();
            throw new DeepEnrichValidationException("invalid.body", "cannot read contacts from a body of type " + type
                                                                    + ": send a Contact, a Map, a List of them, or JSON",
                    0, null, null);
        }
        return stream;
    }

    private static List<Object> fromJson(Object body) {
        JsonNode root;
        try {
            if (body instanceof String s) {
                if (s.isBlank()) {
                    throw emptyBody("the message body is an empty string");
                }
                root = DeepEnrichJson.mapper().readTree(s);
            } else if (body instanceof byte[] bytes) {
                root = DeepEnrichJson.tree(bytes);
            } else {
                root = DeepEnrichJson.tree((InputStream) body);
            }
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new DeepEnrichValidationException("invalid.json", "the message body is not valid JSON: " + why, 0,
                    null, e);
        }
        if (root == null || root.isMissingNode()) {
            throw emptyBody("the message body is empty");
        }
        JsonNode contacts = root.isObject() && root.has("datas") ? root.get("datas") : root;
        List<Object> items = new ArrayList<>();
        if (contacts.isArray()) {
            contacts.forEach(node -> items.add(asItem(node)));
        } else {
            items.add(asItem(contacts));
        }
        return items;
    }

    /** An object becomes a Map; a scalar, a list or null keeps its JSON type, refused by the validator by index. */
    private static Object asItem(JsonNode node) {
        return DeepEnrichJson.mapper().convertValue(node, Object.class);
    }

    private static DeepEnrichValidationException emptyBody(String why) {
        return new DeepEnrichValidationException("invalid.body", why + ": nothing to submit", 0, null, null);
    }
}
