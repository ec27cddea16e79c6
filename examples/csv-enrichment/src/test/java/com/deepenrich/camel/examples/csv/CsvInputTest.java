package com.deepenrich.camel.examples.csv;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the input is read. */
class CsvInputTest {

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        Path csv = dir.resolve("excel-export.csv");
        Files.writeString(csv, "\uFEFFfirst_name,last_name,domain\nAda,Lovelace,analytical.io\n\nAlan,Turing,\n",
                StandardCharsets.UTF_8);

        CsvInput input = CsvInput.of(csv.toString());

        assertEquals(List.of("first_name", "last_name", "domain"), input.header());
        assertEquals(2, input.rowCount(), "the empty line is no row");
        try (CSVParser rows = input.rows()) {
            assertEquals(List.of(1L, 2L), rows.stream().map(row -> row.getRecordNumber()).toList(), "row ids");
        }
    }
}
