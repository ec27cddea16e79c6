package com.deepenrich.camel.examples.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the output once every row has its result: the input streamed again, each row with all its columns and
 * the enrichment columns appended, in input order. Written to a temporary file and moved into place, so the
 * output is whole or absent, and has every input row exactly once.
 */
public final class EnrichedCsvWriter {

    private static final CSVFormat OUTPUT_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private EnrichedCsvWriter() {
    }

    /** Writes {@code output}; returns the number of rows written. */
    static long write(CsvInput input, JobJournal journal, Path output) {
        Path target = output.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        long written = 0;
        try {
            Files.createDirectories(target.getParent());
            try (CsvInput.Rows rows = input.rows();
                 Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = OUTPUT_FORMAT.print(writer)) {
                List<String> header = rows.header();
                printer.printRecord(outputHeader(header));
                while (rows.hasNext()) {
                    CsvRow row = rows.next();
                    RowResult result = journal.result(row.id());
                    if (result == null) {
                        throw new IllegalStateException("Row " + row.id() + " has no result yet");
                    }
                    List<String> values = new ArrayList<>(row.values());
                    values.addAll(Collections.nCopies(Math.max(0, header.size() - values.size()), ""));
                    values.addAll(List.of(result.columns()));
                    printer.printRecord(values);
                    written++;
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
        return written;
    }

    /** The input header and the enrichment columns; one whose name the input already uses gets a prefix. */
    static List<String> outputHeader(List<String> inputHeader) {
        List<String> header = new ArrayList<>(inputHeader);
        for (String column : RowResult.COLUMNS) {
            header.add(inputHeader.contains(column) ? "deepenrich_" + column : column);
        }
        return header;
    }
}
