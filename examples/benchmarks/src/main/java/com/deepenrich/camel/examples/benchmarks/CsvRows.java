package com.deepenrich.camel.examples.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file with a header line, one map per row, read lazily: for a streaming splitter
 * ({@code split(method(CsvRows.class, "rows")).streaming()}), which closes the iterator at the end. Bytes that are
 * not UTF-8 fail the read (rather than becoming replacement characters that would be sent as names).
 */
public final class CsvRows implements Iterator<Map<String, String>>, Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(InputStream in) throws IOException {
        parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), FORMAT);
        records = parser.iterator();
    }

    /** Bean method of the splitter. */
    public static CsvRows rows(InputStream in) throws IOException {
        return new CsvRows(in);
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    /** The next row by column name; a row with more or fewer cells than the header fails, naming its line. */
    @Override
    public Map<String, String> next() {
        CSVRecord record = records.next();
        if (!record.isConsistent()) {
            throw new IllegalArgumentException("CSV line " + parser.getCurrentLineNumber() + " has " + record.size()
                                               + " cells, the header has " + parser.getHeaderNames().size());
        }
        return record.toMap();
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
