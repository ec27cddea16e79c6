package com.deepenrich.camel.examples.csv;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The input CSV (UTF-8, header line first), read as a stream: memory does not grow with the file. It is read to
 * submit its rows and once more to write the output, so every input column comes back without being stored.
 */
public record CsvInput(Path file, List<String> header, long rowCount) {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true).get();
    private static final CSVFormat OUTPUT_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    /** The CSV at {@code path}, read once to count its rows. */
    static CsvInput of(String path) {
        if (path == null) {
            throw new IllegalArgumentException("Set the option input: the CSV to enrich (-Dinput=leads.csv)");
        }
        try (CSVParser rows = rows(Path.of(path))) {
            return new CsvInput(Path.of(path), rows.getHeaderNames(), rows.stream().count());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** Identifies this input's content, so a work dir is never resumed with another file. */
    String fingerprint() {
        File csv = file.toAbsolutePath().normalize().toFile();
        return csv + " " + csv.length() + " bytes, modified " + Instant.ofEpochMilli(csv.lastModified());
    }

    /**
     * Every data record in file order, numbered from 1 ({@link CSVRecord#getRecordNumber()}, the row's id, the same in
     * every run); Camel's streaming splitter closes it.
     */
    public CSVParser rows() {
        return rows(file);
    }

    private static CSVParser rows(Path file) {
        try {
            return FORMAT.parse(new InputStreamReader(BOMInputStream.builder().setPath(file).get(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Writes every input row with all its columns and then its result's, in input order, to a temporary file moved
     * into place: the output is whole or absent, with every input row exactly once. An enrichment column whose name
     * the input already uses gets a prefix.
     */
    long writeEnriched(Path output, LongFunction<RowResult> results) {
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        long written = 0;
        try {
            Files.createDirectories(output.getParent());
            try (CSVParser rows = rows(); CSVPrinter printer = OUTPUT_FORMAT.print(tmp, StandardCharsets.UTF_8)) {
                List<String> columns = new ArrayList<>(header);
                for (String column : RowResult.COLUMNS) {
                    columns.add(header.contains(column) ? "deepenrich_" + column : column);
                }
                printer.printRecord(columns);
                for (CSVRecord row : rows) {
                    RowResult result = results.apply(row.getRecordNumber());
                    if (result == null) {
                        throw new IllegalStateException("Row " + row.getRecordNumber() + " has no result yet");
                    }
                    List<String> values = new ArrayList<>(row.toList());
                    values.addAll(Collections.nCopies(Math.max(0, header.size() - values.size()), ""));
                    values.addAll(List.of(result.columns()));
                    printer.printRecord(values);
                    written++;
                }
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + output, e);
        }
        return written;
    }
}
