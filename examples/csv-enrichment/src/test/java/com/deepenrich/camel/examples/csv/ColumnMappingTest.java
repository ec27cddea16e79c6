package com.deepenrich.camel.examples.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which columns become the contact sent to DeepEnrich. */
class ColumnMappingTest {

    /** The column options, {@code first-name-column} ... as set. */
    private static UnaryOperator<String> options(String... namesAndColumns) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < namesAndColumns.length; i += 2) {
            options.put(namesAndColumns[i], namesAndColumns[i + 1]);
        }
        return options::get;
    }

    @Test
    void findsTheFieldsFromCommonHeaderNamesAndSendsOnlyThemWithTheRowId() {
        List<String> header = List.of("Lead Id", "First Name", "LAST_NAME", "Company", "Website", "LinkedIn", "Notes");
        ColumnMapping mapping = ColumnMapping.of(header, options());

        Map<String, Object> contact = mapping.contact(12, List.of("L-1", "Ada", "Lovelace", "Analytical Engines",
                "analytical.io", "", "met at a conference"));

        assertEquals(Map.of("firstname", "Ada", "lastname", "Lovelace", "company_name", "Analytical Engines",
                "domain", "analytical.io", "custom", Map.of("row_id", "12")), contact);
    }

    @Test
    void anOptionNamesAColumnTheHeaderWouldNotGiveAway() {
        ColumnMapping mapping = ColumnMapping.of(List.of("Given", "Family", "Org"),
                options("first-name-column", "Given", "last-name-column", "Family", "company-column", "Org"));

        assertEquals(Map.of("firstname", "Grace", "lastname", "Hopper", "company_name", "Navy",
                "custom", Map.of("row_id", "1")), mapping.contact(1, List.of("Grace", "Hopper", "Navy")));
    }

    @Test
    void namesWhatIsMissingWhenTheHeaderLacksRequiredFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.of(List.of("first_name", "email"), options()));

        assertTrue(e.getMessage().contains("last name"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.of(List.of("first_name", "last_name", "domain"), options("domain-column", "Web")));
    }
}
