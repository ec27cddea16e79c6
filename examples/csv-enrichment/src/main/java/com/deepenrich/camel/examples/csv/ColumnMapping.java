package com.deepenrich.camel.examples.csv;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.deepenrich.camel.model.ContactMapper;
import org.apache.commons.csv.CSVRecord;

/**
 * Which CSV column holds which contact field, and the contact a row becomes: only those fields and the row id
 * (sent as custom {@code row_id}) go to DeepEnrich; the other columns stay in the input file.
 */
public final class ColumnMapping {

    public static final String ROW_ID = "row_id";

    private final Map<ContactField, Integer> columns;

    private ColumnMapping(Map<ContactField, Integer> columns) {
        this.columns = columns;
    }

    /** Maps each field to the column {@code named} gives it (null: none), or else to the first header naming it. */
    public static ColumnMapping of(List<String> header, Function<ContactField, String> named) {
        Map<ContactField, Integer> columns = new EnumMap<>(ContactField.class);
        for (ContactField field : ContactField.values()) {
            String column = named.apply(field);
            int index = column != null ? header.indexOf(column) : findHeader(header, field);
            if (column != null && index < 0) {
                throw new IllegalArgumentException("No column '" + column + "' (" + field.option() + ") in the CSV "
                                                   + "header " + header);
            }
            if (index >= 0) {
                columns.put(field, index);
            }
        }
        if (!columns.containsKey(ContactField.FIRST_NAME) || !columns.containsKey(ContactField.LAST_NAME)
            || !columns.containsKey(ContactField.COMPANY) && !columns.containsKey(ContactField.DOMAIN)) {
            throw new IllegalArgumentException("The CSV needs first name, last name, and company or domain columns; "
                                               + "found " + describe(columns, header) + " in " + header
                                               + ". Name them with the options first-name-column, "
                                               + "last-name-column, company-column, domain-column");
        }
        return new ColumnMapping(columns);
    }

    /** The first header naming the field as the component reads a contact's keys: {@code First Name}, ... */
    private static int findHeader(List<String> header, ContactField field) {
        for (int i = 0; i < header.size(); i++) {
            if (field.apiName().equals(ContactMapper.canonical(header.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** The contact to submit for a row: its mapped, non-blank fields and custom {@code row_id}. */
    public Map<String, Object> contact(CSVRecord row) {
        return contact(row.getRecordNumber(), row.toList());
    }

    Map<String, Object> contact(long rowId, List<String> values) {
        Map<String, Object> contact = new LinkedHashMap<>();
        columns.forEach((field, index) -> {
            if (index < values.size() && !values.get(index).isBlank()) {
                contact.put(field.apiName(), values.get(index).trim());
            }
        });
        contact.put("custom", Map.of(ROW_ID, Long.toString(rowId)));
        return contact;
    }

    /** For the start banner: field = column, for each mapped field. */
    public String describe(List<String> header) {
        return describe(columns, header);
    }

    private static String describe(Map<ContactField, Integer> columns, List<String> header) {
        StringBuilder sb = new StringBuilder();
        columns.forEach((field, index) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(field.apiName()).append(" = ").append(header.get(index)));
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
