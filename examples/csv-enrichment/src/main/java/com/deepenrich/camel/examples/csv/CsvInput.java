package com.deepenrich.camel.examples.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The input CSV (UTF-8, header line first), read as a stream: memory does not grow with the file. It is read to
 * submit its rows and once more to write the output, so every input column comes back without being stored.
 */
final class CsvInput {

    static final String SAMPLE = "sample-contacts.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true).get();
    private static final CSVFormat OUTPUT_FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Path file;
    private final List<String> header;
    private final long rowCount;

    private CsvInput(Path file) {
        this.file = file;
        try (Rows rows = rows()) {
            this.header = rows.parser.getHeaderNames();
            long count = 0;
            for (; rows.hasNext(); rows.next()) {
                count++;
            }
            this.rowCount = count;
        }
    }

    /** The given file, or the bundled sample of 1,000 contacts when {@code file} is null. */
    static CsvInput of(Path file) {
        return new CsvInput(file != null ? file : bundledSample());
    }

    private static Path bundledSample() {
        URL url = CsvInput.class.getClassLoader().getResource(SAMPLE);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("The bundled " + SAMPLE + " is not a file on the classpath (" + url
                                            + "); set the option input");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    long rowCount() {
        return rowCount;
    }

    /** Identifies this input's content, so a work dir is never resumed with another file. */
    String fingerprint() {
        try {
            return file.toAbsolutePath().normalize() + " " + Files.size(file) + " bytes, modified "
                   + Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every data row in file order; Camel's streaming splitter closes it. */
    Rows rows() {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8));
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return new Rows(FORMAT.parse(reader));
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
            try (Rows rows = rows();
                 Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter printer = OUTPUT_FORMAT.print(writer)) {
                List<String> columns = new ArrayList<>(header);
                for (String column : RowResult.COLUMNS) {
                    columns.add(header.contains(column) ? "deepenrich_" + column : column);
                }
                printer.printRecord(columns);
                for (; rows.hasNext(); written++) {
                    CsvRow row = rows.next();
                    RowResult result = results.apply(row.id());
                    if (result == null) {
                        throw new IllegalStateException("Row " + row.id() + " has no result yet");
                    }
                    List<String> values = new ArrayList<>(row.values());
                    values.addAll(Collections.nCopies(Math.max(0, header.size() - values.size()), ""));
                    values.addAll(List.of(result.columns()));
                    printer.printRecord(values);
                }
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + output, e);
        }
        return written;
    }

    /** The rows, numbered from 1 in file order (the same in every run); closeable, so the file is closed. */
    static final class Rows implements Iterator<CsvRow>, Closeable {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private long next = 1;

        private Rows(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public CsvRow next() {
            return new CsvRow(next++, records.next().toList());
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
