package com.deepenrich.camel.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One person to enrich, in the shape of an item of the bulk request's {@code datas}. Immutable; build it with
 * {@link #builder()}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"firstname", "lastname", "domain", "company_name", "linkedin_url", "enrich_fields", "custom"})
public final class Contact {

    private final String firstname;
    private final String lastname;
    private final String domain;
    private final String companyName;
    private final String linkedinUrl;
    private final List<String> enrichFields;
    private final Map<String, String> custom;

    @JsonCreator
    Contact(@JsonProperty("firstname") String firstname, @JsonProperty("lastname") String lastname,
            @JsonProperty("domain") String domain, @JsonProperty("company_name") String companyName,
            @JsonProperty("linkedin_url") String linkedinUrl, @JsonProperty("enrich_fields") List<String> enrichFields,
            @JsonProperty("custom") Map<String, String> custom) {
        this.firstname = firstname;
        this.lastname = lastname;
        this.domain = domain;
        this.companyName = companyName;
        this.linkedinUrl = linkedinUrl;
        this.enrichFields = enrichFields == null ? List.of() : List.copyOf(enrichFields);
        this.custom = custom == null ? Map.of() : withoutNullValues(custom);
    }

    /** From a builder, whose lists and maps are already immutable or handed over: nothing is copied. */
    private Contact(Builder b) {
        this.firstname = b.firstname;
        this.lastname = b.lastname;
        this.domain = b.domain;
        this.companyName = b.companyName;
        this.linkedinUrl = b.linkedinUrl;
        this.enrichFields = b.enrichFields;
        this.custom = b.handOverCustom();
    }

    private static Map<String, String> withoutNullValues(Map<String, String> custom) {
        Map<String, String> kept = new LinkedHashMap<>();
        custom.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        return Collections.unmodifiableMap(kept);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this contact; it shares this contact's fields until it changes them. */
    public Builder toBuilder() {
        Builder b = new Builder().firstname(firstname).lastname(lastname).domain(domain).companyName(companyName)
                .linkedinUrl(linkedinUrl);
        b.enrichFields = enrichFields;
        b.custom = custom;
        b.customShared = true;
        return b;
    }

    @JsonProperty("firstname")
    public String getFirstname() {
        return firstname;
    }

    @JsonProperty("lastname")
    public String getLastname() {
        return lastname;
    }

    @JsonProperty("domain")
    public String getDomain() {
        return domain;
    }

    @JsonProperty("company_name")
    public String getCompanyName() {
        return companyName;
    }

    @JsonProperty("linkedin_url")
    public String getLinkedinUrl() {
        return linkedinUrl;
    }

    /** The fields to find for this contact; empty means the endpoint's {@code enrichFields}. */
    @JsonProperty("enrich_fields")
    public List<String> getEnrichFields() {
        return enrichFields;
    }

    /** The caller's own fields (lead ids, ...), echoed back with the result. */
    @JsonProperty("custom")
    public Map<String, String> getCustom() {
        return custom;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Contact)) {
            return false;
        }
        Contact c = (Contact) o;
        return Objects.equals(firstname, c.firstname) && Objects.equals(lastname, c.lastname)
               && Objects.equals(domain, c.domain) && Objects.equals(companyName, c.companyName)
               && Objects.equals(linkedinUrl, c.linkedinUrl) && enrichFields.equals(c.enrichFields)
               && custom.equals(c.custom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstname, lastname, domain, companyName, linkedinUrl, enrichFields, custom);
    }

    @Override
    public String toString() {
        return "Contact[" + firstname + " " + lastname + ", " + (domain != null ? domain : companyName) + "]";
    }

    /**
     * Builds contacts; one builder may build several. Built contacts never copy its lists and maps: the enrich fields
     * are kept as an immutable list, and the custom map is handed over to the contact at {@link #build()} (copied
     * only if the builder changes it afterwards). Each contact costs one map, not three copies (the hot path of
     * {@code bulk}).
     */
    public static final class Builder {

        private String firstname;
        private String lastname;
        private String domain;
        private String companyName;
        private String linkedinUrl;
        private List<String> enrichFields = List.of();
        /** Null until the first custom field; unmodifiable while {@link #customShared}. */
        private Map<String, String> custom;
        /** True when {@link #custom} belongs to a built contact, so a change needs a copy first. */
        private boolean customShared;
        private boolean customHasNull;

        private Builder() {
        }

        public Builder firstname(String firstname) {
            this.firstname = firstname;
            return this;
        }

        public Builder lastname(String lastname) {
            this.lastname = lastname;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        public Builder linkedinUrl(String linkedinUrl) {
            this.linkedinUrl = linkedinUrl;
            return this;
        }

        public Builder enrichFields(String... fields) {
            this.enrichFields = List.of(fields);
            return this;
        }

        public Builder enrichFields(List<String> fields) {
            this.enrichFields = List.copyOf(fields);
            return this;
        }

        /** A custom field; the value is sent as a string (numbers become strings), a null value is left out. */
        public Builder custom(String key, Object value) {
            if (custom == null) {
                custom = new LinkedHashMap<>();
            } else if (customShared) {
                custom = new LinkedHashMap<>(custom);
                customShared = false;
            }
            customHasNull |= value == null;
            custom.put(key, value == null ? null : String.valueOf(value));
            return this;
        }

        public Contact build() {
            return new Contact(this);
        }

        private Map<String, String> handOverCustom() {
            if (custom == null) {
                return Map.of();
            }
            if (!customShared) {
                custom = customHasNull ? withoutNullValues(custom) : Collections.unmodifiableMap(custom);
                customShared = true;
                customHasNull = false;
            }
            return custom;
        }
    }
}
