package com.deepenrich.camel.examples.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The rows of a CSV file with a header line, one map per row, read lazily: for a streaming splitter
 * ({@code split(method(CsvRows.class, "rows")).streaming()}), which closes the iterator at the end. Bytes that are
 * not UTF-8 fail the read (rather than becoming replacement characters that would be sent as names).
 */
public final class CsvRows implements Iterator<Map<String, String>>, Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    /** What a byte sequence that is not UTF-8 decodes to. */
    private static final char NOT_UTF8 = '\uFFFD';

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(InputStream in) throws IOException {
        // bytes that are not UTF-8 decode to U+FFFD, found per row below: an error thrown by the decoder itself
        // would surface wherever the reader's buffer happens to end, not on its line
        parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), FORMAT);
        if (parser.getHeaderNames().stream().anyMatch(name -> name.indexOf(NOT_UTF8) >= 0)) {
            throw new IllegalArgumentException("CSV line 1 (the header) is not UTF-8 text");
        }
        records = parser.iterator();
    }

    /** Bean method of the splitter. */
    public static CsvRows rows(InputStream in) throws IOException {
        return new CsvRows(in);
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    /** The next row by column name; a row with more or fewer cells than the header fails, naming its line. */
    @Override
    public Map<String, String> next() {
        CSVRecord record = records.next();
        if (!record.isConsistent()) {
            throw new IllegalArgumentException("CSV line " + parser.getCurrentLineNumber() + " has " + record.size()
                                               + " cells, the header has " + parser.getHeaderNames().size());
        }
        if (record.stream().anyMatch(cell -> cell.indexOf(NOT_UTF8) >= 0)) {
            throw new IllegalArgumentException("CSV line " + parser.getCurrentLineNumber() + " is not UTF-8 text");
        }
        return record.toMap();
    }

    /** A read error, such as a quote never closed; Commons CSV's message names the line it started on. */
    private static IllegalArgumentException unreadable(IOException e) {
        return new IllegalArgumentException("unreadable CSV: " + e.getMessage(), e);
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
