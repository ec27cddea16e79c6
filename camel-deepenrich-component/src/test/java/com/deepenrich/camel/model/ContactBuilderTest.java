package com.deepenrich.camel.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Built contacts share the builder's collections without copying them, yet stay immutable and independent. */
class ContactBuilderTest {

    @Test
    void aBuilderUsedAgainDoesNotChangeWhatItBuilt() {
        Contact.Builder b = Contact.builder().firstname("Ada").custom("lead_id", "L1");
        Contact first = b.build();
        b.custom("lead_id", "L2").custom("extra", 7);
        Contact second = b.build();

        assertEquals(Map.of("lead_id", "L1"), first.getCustom());
        assertEquals(Map.of("lead_id", "L2", "extra", "7"), second.getCustom());
    }

    @Test
    void toBuilderLeavesTheOriginalAsItWas() {
        Contact original = Contact.builder().firstname("Ada").domain("acme.com").custom("lead_id", "L1")
                .enrichFields("contact.emails").build();
        Contact changed = original.toBuilder().domain("globex.com").custom("lead_id", "L9")
                .enrichFields("contact.phones").build();

        assertEquals("acme.com", original.getDomain());
        assertEquals(Map.of("lead_id", "L1"), original.getCustom());
        assertEquals(List.of("contact.emails"), original.getEnrichFields());
        assertEquals(Map.of("lead_id", "L9"), changed.getCustom());
        assertEquals(List.of("contact.phones"), changed.getEnrichFields());
        assertEquals(original, original.toBuilder().build());
    }

    @Test
    void nullCustomValuesAreLeftOutAndCollectionsAreImmutable() {
        List<String> fields = new ArrayList<>(List.of("contact.emails"));
        Contact c = Contact.builder().enrichFields(fields).custom("a", "1").custom("b", null).custom("a", null)
                .custom("c", 3).build();
        fields.add("contact.phones");

        assertEquals(Map.of("c", "3"), c.getCustom());
        assertEquals(List.of("contact.emails"), c.getEnrichFields());
        assertThrows(UnsupportedOperationException.class, () -> c.getCustom().put("d", "4"));
        assertThrows(UnsupportedOperationException.class, () -> c.getEnrichFields().add("x"));
    }
}
