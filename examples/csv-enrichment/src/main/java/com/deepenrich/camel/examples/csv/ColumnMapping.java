package com.deepenrich.camel.examples.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.deepenrich.camel.model.ContactMapper;
import org.apache.commons.csv.CSVRecord;

/**
 * Which CSV column holds which contact field, and the contact a row becomes: only those fields and the row id
 * (sent as custom {@code row_id}) go to DeepEnrich; the other columns stay in the input file.
 */
public final class ColumnMapping {

    public static final String ROW_ID = "row_id";
    /** The fields DeepEnrich reads, by the option that names each one's column. */
    private static final List<Map.Entry<String, String>> FIELDS = List.of(Map.entry("first-name-column", "firstname"),
            Map.entry("last-name-column", "lastname"), Map.entry("company-column", "company_name"),
            Map.entry("domain-column", "domain"), Map.entry("linkedin-column", "linkedin_url"));

    private final Map<String, Integer> columns;
    private final List<String> header;

    private ColumnMapping(Map<String, Integer> columns, List<String> header) {
        this.columns = columns;
        this.header = header;
    }

    /**
     * Maps each field to the column its option names ({@code options} gives null when unset), or else to the first
     * header naming it as the component reads a contact's keys ({@code First Name}, {@code first_name} ...).
     */
    public static ColumnMapping of(List<String> header, UnaryOperator<String> options) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Map.Entry<String, String> optionAndField : FIELDS) {
            String option = optionAndField.getKey();
            String field = optionAndField.getValue();
            String column = options.apply(option);
            int index = column != null ? header.indexOf(column)
                    : IntStream.range(0, header.size())
                            .filter(i -> field.equals(ContactMapper.canonical(header.get(i))))
                            .findFirst().orElse(-1);
            if (column != null && index < 0) {
                throw new IllegalArgumentException("No column '" + column + "' (" + option + ") in the CSV header "
                                                   + header);
            }
            if (index >= 0) {
                columns.put(field, index);
            }
        }
        ColumnMapping mapping = new ColumnMapping(columns, header);
        if (!columns.containsKey("firstname") || !columns.containsKey("lastname")
            || !columns.containsKey("company_name") && !columns.containsKey("domain")) {
            throw new IllegalArgumentException("The CSV needs first name, last name, and company or domain columns; "
                                               + "found " + mapping + " in " + header + ". Name them with the options "
                                               + "first-name-column, last-name-column, company-column, domain-column");
        }
        return mapping;
    }

    /** The contact to submit for a row: its mapped, non-blank fields and custom {@code row_id}. */
    public Map<String, Object> contact(CSVRecord row) {
        return contact(row.getRecordNumber(), row.toList());
    }

    Map<String, Object> contact(long rowId, List<String> values) {
        Map<String, Object> contact = new LinkedHashMap<>();
        columns.forEach((field, index) -> {
            if (index < values.size() && !values.get(index).isBlank()) {
                contact.put(field, values.get(index).trim());
            }
        });
        contact.put("custom", Map.of(ROW_ID, Long.toString(rowId)));
        return contact;
    }

    /** field = column, for each mapped field (the start banner). */
    @Override
    public String toString() {
        String mapped = columns.entrySet().stream().map(e -> e.getKey() + " = " + header.get(e.getValue()))
                .collect(Collectors.joining(", "));
        return mapped.isEmpty() ? "none" : mapped;
    }
}
