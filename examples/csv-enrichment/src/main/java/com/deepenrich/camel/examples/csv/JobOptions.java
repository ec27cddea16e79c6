package com.deepenrich.camel.examples.csv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.util.TimeUtils;

/**
 * What the job is told, from {@code --name value} (or {@code --name=value}) arguments, then {@code -Dname=value}
 * system properties, then the environment ({@code DEEPENRICH_API_KEY}, {@code DEEPENRICH_BASE_URL}).
 */
public final class JobOptions {

    static final String USAGE = """
            Enriches a CSV of contacts with DeepEnrich. Options (--name value, or -Dname=value):
              --input PATH                CSV to enrich (default: the bundled sample of 1,000 contacts)
              --output PATH               enriched CSV (default: target/enriched-contacts.csv)
              --work-dir PATH             state that lets a killed run resume (default: target/deepenrich-work)
              --enrich-fields LIST        contact.emails and/or contact.phones (default: both offline, emails with a key)
              --first-name-column NAME    (and --last-name-column, --company-column, --domain-column,
                                          --linkedin-column) which CSV column holds each field; by default
                                          found from the header (first_name, First Name, firstname ...)
              --api-key KEY               DeepEnrich API key (or env DEEPENRICH_API_KEY); without one the job
                                          runs offline against an embedded DeepEnrich simulator
              --base-url URL              DeepEnrich API (default https://app.deepenrich.com/api/v1)
              --callback-url URL          public URL DeepEnrich can POST results to; it must reach this process's
                                          /deepenrich/results. With a key and without it, results are polled
              --http-host HOST            address of the local webhook server (default 127.0.0.1)
              --http-port PORT            its port (default: a free one)
              --requests-per-minute N     client-side limit (default 60 with a key, 6000 offline)
              --poll-fallback-after TIME  poll an enrichment whose webhook is this late (default 30s)
              --poll-interval TIME        how often pending enrichments are read: all of them without a
                                          callback URL (each first this long after its submission, then
                                          less and less often while it runs), the late ones with (default 30s)
              --in-doubt-wait TIME        a batch sent whose answer was lost (DeepEnrich may have accepted it)
                                          waits this long for its results by webhook before its rows without
                                          one are sent again (default 10m)
            """;

    private final Map<String, String> values;
    private final Function<String, String> env;

    private JobOptions(Map<String, String> values, Function<String, String> env) {
        this.values = values;
        this.env = env;
    }

    public static JobOptions parse(String[] args) {
        return parse(args, System::getenv);
    }

    static JobOptions parse(String[] args, Function<String, String> env) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + USAGE);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("help")) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("Missing value for " + arg + "\n" + USAGE);
            }
        }
        return new JobOptions(values, env);
    }

    private String get(String name) {
        String value = values.get(name);
        if (value == null) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String get(String name, String environmentVariable) {
        String value = get(name);
        return value != null ? value : blankToNull(env.apply(environmentVariable));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public boolean help() {
        return get("help") != null;
    }

    /** The input CSV, or null for the bundled sample. */
    public Path input() {
        String input = get("input");
        return input == null ? null : Path.of(input);
    }

    public Path output() {
        return Path.of(orDefault(get("output"), "target/enriched-contacts.csv"));
    }

    public Path workDir() {
        return Path.of(orDefault(get("work-dir"), "target/deepenrich-work"));
    }

    /** Null means: run offline against the embedded simulator. */
    public String apiKey() {
        return get("api-key", "DEEPENRICH_API_KEY");
    }

    public boolean offline() {
        return apiKey() == null;
    }

    public String baseUrl() {
        return get("base-url", "DEEPENRICH_BASE_URL");
    }

    public String callbackUrl() {
        return get("callback-url");
    }

    public String enrichFields() {
        return orDefault(get("enrich-fields"), offline() ? "contact.emails,contact.phones" : "contact.emails");
    }

    public String httpHost() {
        return orDefault(get("http-host"), "127.0.0.1");
    }

    /** 0 means: pick a free port. */
    public int httpPort() {
        return Integer.parseInt(orDefault(get("http-port"), "0"));
    }

    public int requestsPerMinute() {
        return Integer.parseInt(orDefault(get("requests-per-minute"), offline() ? "6000" : "60"));
    }

    public Duration pollFallbackAfter() {
        return duration("poll-fallback-after", "30s");
    }

    public Duration pollInterval() {
        return duration("poll-interval", "30s");
    }

    public Duration inDoubtWait() {
        return duration("in-doubt-wait", "10m");
    }

    private Duration duration(String name, String fallback) {
        return Duration.ofMillis(TimeUtils.toMilliSeconds(orDefault(get(name), fallback)));
    }

    /** The column named for a contact field by --{field}-column, or null to find it from the header. */
    public String column(ContactField field) {
        return get(field.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-column");
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
