package com.deepenrich.camel.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.deepenrich.camel.model.Rejection.Problem;

/**
 * Turns a received item into a {@link Contact}. Map keys are matched leniently ({@code First Name},
 * {@code first_name}, {@code firstName}, {@code firstname} are one key); a {@code custom} map gives the custom
 * fields, and any other key that is no contact field becomes a custom field too, so a caller's own columns come
 * back with the result.
 */
public final class ContactMapper {

    /** A mapped contact, or the rejection naming every reason it could not be read. */
    public record Mapped(Contact contact, Rejection rejection) {
    }

    /** Fields sent as text: a nested object or list there is refused, not sent as its toString(). */
    private static final Set<String> TEXT_FIELDS =
            Set.of("firstname", "lastname", "domain", "company_name", "linkedin_url");

    /**
     * The keys read as each field, compared in lower case without anything but ASCII letters and digits
     * ({@code First Name}, {@code first_name} and {@code firstName} are all {@code firstname}); the guide lists them.
     */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "firstname", List.of("firstname", "first", "givenname", "fname"),
            "lastname", List.of("lastname", "last", "surname", "familyname", "lname"),
            "domain", List.of("domain", "companydomain", "website", "companywebsite"),
            "company_name", List.of("companyname", "company", "organization", "organisation", "employer"),
            "linkedin_url", List.of("linkedinurl", "linkedin", "linkedinprofile", "linkedinprofileurl"),
            "enrich_fields", List.of("enrichfields"),
            "custom", List.of("custom"));

    /** {@link #ALIASES} the other way round: the field each alias is read as. */
    private static final Map<String, String> CANONICAL = ALIASES.entrySet().stream().flatMap(
            field -> field.getValue().stream().map(alias -> Map.entry(alias, field.getKey())))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private ContactMapper() {
    }

    /**
     * The contact a map describes, keys matched leniently. Only the shape is checked here (custom values must be
     * scalars), not the API's rules: {@code bulk} validates before sending.
     *
     * @throws IllegalArgumentException when a custom value is a nested object or list
     */
    public static Contact toContact(Map<?, ?> map) {
        Mapped mapped = map(0, map);
        if (mapped.rejection() != null) {
            throw new IllegalArgumentException("not a contact: " + mapped.rejection().getProblems().stream()
                    .map(Problem::toString).collect(Collectors.joining("; ")));
        }
        return mapped.contact();
    }

    /** The item as a contact, or every shape problem it has (the API's rules are checked later, on contacts). */
    public static Mapped map(int index, Object item) {
        if (item instanceof Contact c) {
            return new Mapped(c, null);
        }
        if (!(item instanceof Map<?, ?> map)) {
            return new Mapped(null, new Rejection(index, "contact",
                    "not a contact: expected an object/Map or a Contact, got "
                                                                    + (item == null ? "null" : describe(item)),
                    item));
        }
        Contact.Builder b = Contact.builder();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value == null) {
                continue;
            }
            String field = canonical(key);
            if (TEXT_FIELDS.contains(field) && !isScalar(value)) {
                problems.add(new Problem(field, field + " must be text, got " + describe(value)));
                continue;
            }
            switch (field) {
                case "firstname" -> b.firstname(text(value));
                case "lastname" -> b.lastname(text(value));
                case "domain" -> b.domain(text(value));
                case "company_name" -> b.companyName(text(value));
                case "linkedin_url" -> b.linkedinUrl(text(value));
                case "enrich_fields" -> b.enrichFields(fields(value));
                case "custom" -> {
                    if (value instanceof Map<?, ?> custom) {
                        custom.forEach((k, v) -> addCustom(b, String.valueOf(k), v, problems));
                    } else {
                        problems.add(new Problem("custom",
                                "custom must be an object of string values, got " + describe(value)));
                    }
                }
                default -> addCustom(b, key, value, problems);
            }
        }
        return problems.isEmpty()
                ? new Mapped(b.build(), null) : new Mapped(null, new Rejection(index, problems, item));
    }

    private static boolean isScalar(Object value) {
        return !(value instanceof Map || value instanceof Collection || value.getClass().isArray());
    }

    private static void addCustom(Contact.Builder b, String key, Object value, List<Problem> problems) {
        if (value == null) {
            return;
        }
        if (isScalar(value)) {
            b.custom(key, value);
        } else {
            problems.add(new Problem("custom." + key,
                    "custom values are strings; a nested " + describe(value) + " cannot be sent"));
        }
    }

    /**
     * The API's name for a key, matched leniently ({@code First Name} and {@code first_name} give {@code firstname}),
     * or the key itself when it is no contact field.
     */
    public static String canonical(String key) {
        switch (key) { // the API's own names, as most callers send them: no lower-casing copy of the key
            case "firstname", "lastname", "domain", "company_name", "linkedin_url", "enrich_fields", "custom":
                return key;
            default:
                break;
        }
        return CANONICAL.getOrDefault(lettersAndDigits(key), key);
    }

    /**
     * Every field of the API a map key is read as, with the keys read as it, in the form they are compared in (lower
     * case, letters and digits only).
     */
    public static Map<String, List<String>> aliases() {
        return ALIASES;
    }

    /**
     * The key in lower case with everything but ASCII letters and digits dropped, without a regex (hot path); the
     * key itself when it has nothing to drop or lower.
     */
    private static String lettersAndDigits(String key) {
        int i = 0;
        while (i < key.length() && isLowerLetterOrDigit(key.charAt(i))) {
            i++;
        }
        if (i == key.length()) {
            return key;
        }
        StringBuilder k = new StringBuilder(key.length()).append(key, 0, i);
        for (; i < key.length(); i++) {
            char c = Character.toLowerCase(key.charAt(i));
            if (isLowerLetterOrDigit(c)) {
                k.append(c);
            }
        }
        return k.toString();
    }

    private static boolean isLowerLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static String text(Object value) {
        String s = String.valueOf(value).trim();
        return s.isEmpty() ? null : s;
    }

    private static List<String> fields(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v).trim()));
        } else {
            for (String s : String.valueOf(value).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName();
    }
}
