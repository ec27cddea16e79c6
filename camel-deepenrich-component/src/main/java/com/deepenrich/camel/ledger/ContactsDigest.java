package com.deepenrich.camel.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * What a request's contacts and its result's contacts have in common, as a SHA-256: each contact's custom values
 * (which DeepEnrich echoes in every result, one that ran out of credits too), or its first and last name (lower case)
 * when it has none; in any order. It matches a result to the request in doubt it answers when their names differ.
 */
public final class ContactsDigest {

    private ContactsDigest() {
    }

    /** The digest of the contacts of a request. */
    public static String ofRequest(List<Contact> contacts) {
        return digest(contacts.stream().map(c -> signature(c.getCustom(), c.getFirstname(), c.getLastname())));
    }

    /** The digest of the contacts of a result. */
    public static String ofResult(EnrichmentResult result) {
        List<EnrichedContact> contacts = result.getContacts();
        return digest(contacts.stream().map(c -> signature(c.getCustom(), c.getContact().getFirstname(),
                c.getContact().getLastname())));
    }

    private static String signature(Map<String, String> custom, String firstname, String lastname) {
        if (custom != null && !custom.isEmpty()) {
            return "custom" + new TreeMap<>(custom);
        }
        return "name" + List.of(lower(firstname), lower(lastname));
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String digest(Stream<String> signatures) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            signatures.sorted().forEach(s -> {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
