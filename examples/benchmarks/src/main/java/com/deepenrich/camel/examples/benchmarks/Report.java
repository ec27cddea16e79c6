package com.deepenrich.camel.examples.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The figures of a run: per benchmark, one row per variant, printed as plain-text tables. */
public final class Report {

    /** One variant's figures, in the order they were added. */
    public record Row(String variant, Map<String, String> figures) {
    }

    private final Map<String, List<Row>> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public void add(String benchmark, String variant, Map<String, String> figures) {
        rows.computeIfAbsent(benchmark, b -> new ArrayList<>()).add(new Row(variant, new LinkedHashMap<>(figures)));
    }

    public void note(String note) {
        notes.add(note);
    }

    public Set<String> benchmarks() {
        return rows.keySet();
    }

    public List<Row> rows(String benchmark) {
        return rows.getOrDefault(benchmark, List.of());
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        rows.forEach((benchmark, list) -> out.append(table(benchmark, list)).append('\n'));
        notes.forEach(n -> out.append("* ").append(n).append('\n'));
        return out.toString();
    }

    /** A Markdown table, readable as it is on a terminal and pasted as it is into performance.md. */
    private static String table(String benchmark, List<Row> list) {
        Set<String> columns = new LinkedHashSet<>();
        list.forEach(r -> columns.addAll(r.figures().keySet()));
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("variant");
        header.addAll(columns);
        cells.add(header);
        for (Row r : list) {
            List<String> line = new ArrayList<>();
            line.add(r.variant());
            columns.forEach(c -> line.add(r.figures().getOrDefault(c, "")));
            cells.add(line);
        }
        int[] width = new int[header.size()];
        cells.forEach(line -> {
            for (int i = 0; i < line.size(); i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder("### ").append(benchmark).append("\n\n");
        for (int l = 0; l < cells.size(); l++) {
            out.append(line(cells.get(l), width));
            if (l == 0) {
                List<String> rule = new ArrayList<>();
                for (int w : width) {
                    rule.add("-".repeat(w));
                }
                out.append(line(rule, width));
            }
        }
        return out.toString();
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder out = new StringBuilder("|");
        for (int i = 0; i < cells.size(); i++) {
            out.append(' ').append(String.format("%-" + width[i] + "s", cells.get(i))).append(" |");
        }
        return out.append('\n').toString();
    }
}
