package com.deepenrich.camel.examples.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The input CSV (UTF-8, header line first), read as a stream of records: memory does not grow with the file. It is
 * read once to submit and once more to write the output, so every input column comes back without being stored.
 */
public final class CsvInput {

    static final String SAMPLE = "sample-contacts.csv";

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final Path file;

    private CsvInput(Path file) {
        this.file = file;
    }

    /** The given file, or the bundled sample of 1,000 contacts when {@code file} is null. */
    public static CsvInput of(Path file) {
        return new CsvInput(file == null ? bundledSample() : file);
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

    public Path file() {
        return file;
    }

    /** Identifies this input's content, so a work dir is never resumed with another file. */
    public String fingerprint() {
        try {
            return file.toAbsolutePath().normalize() + " " + Files.size(file) + " bytes, modified "
                   + Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> header() {
        try (Rows rows = rows()) {
            return rows.header();
        }
    }

    public long countRows() {
        try (Rows rows = rows()) {
            long count = 0;
            for (; rows.hasNext(); rows.next()) {
                count++;
            }
            return count;
        }
    }

    /** Every data record in file order; close it when done. */
    public Rows rows() {
        try {
            return new Rows(FORMAT.parse(reader()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private Reader reader() throws IOException {
        InputStream in = Files.newInputStream(file);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** A closeable iterator of rows, so Camel's streaming splitter closes the file when done. */
    public static final class Rows implements Iterator<CsvRow>, Closeable {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private long next = 1;

        private Rows(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        public List<String> header() {
            return parser.getHeaderNames();
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public CsvRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
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
