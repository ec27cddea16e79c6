package com.deepenrich.camel.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Keeps every JSON field the model does not name, and writes it back out, so nothing the API adds is dropped.
 */
public abstract class ExtensibleJson {

    private final Map<String, Object> otherFields = new LinkedHashMap<>();

    /** Fields the API sent that this model does not name, as parsed JSON (maps, lists, strings, numbers). */
    @JsonAnyGetter
    public Map<String, Object> getOtherFields() {
        return otherFields;
    }

    @JsonAnySetter
    public void setOtherField(String name, Object value) {
        otherFields.put(name, value);
    }
}
