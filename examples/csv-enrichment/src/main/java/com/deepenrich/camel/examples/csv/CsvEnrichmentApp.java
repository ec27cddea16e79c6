package com.deepenrich.camel.examples.csv;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.util.FileUtil;
import org.apache.camel.util.IOHelper;
import org.apache.camel.util.TimeUtils;

/**
 * The main job: enriches a CSV of contacts with DeepEnrich and writes it back with email, email status, phone and
 * outcome columns. Its options are the properties of application.properties (override them with
 * {@code -Dname=value}). Without an API key it runs offline, against an embedded DeepEnrich simulator. Killed and
 * run again with the same work dir, it goes on where it stopped, and sends no contact twice.
 */
public final class CsvEnrichmentApp extends MainListenerSupport {

    static final String OFFLINE_API_KEY = "offline-demo-key";

    private final Main main = new Main();
    private final PrintStream out;
    private PropertiesComponent properties;
    private DeepEnrichSimulator simulator;
    private JobJournal journal;
    private EnrichmentJob job;
    private CsvInput input;
    private Path workDir;
    private Path output;

    /** {@code options}: properties that take precedence over application.properties and system properties. */
    public CsvEnrichmentApp(Map<String, String> options, PrintStream out) {
        this.out = out;
        options.forEach(main::addOverrideProperty);
        main.addMainListener(this);
    }

    public static void main(String[] args) throws Exception {
        new CsvEnrichmentApp(Map.of(), System.out).run();
    }

    /** Runs the job to its end; returns null when it was stopped before (Ctrl+C): run again to resume. */
    public JobSummary run() throws Exception {
        try {
            main.run();
            return job == null ? null : finish();
        } finally {
            IOHelper.close(journal, simulator);
        }
    }

    /** Camel has read the properties, not yet configured the component: the job sets up what depends on them. */
    @Override
    public void beforeConfigure(BaseMainSupport camelMain) {
        properties = main.getCamelContext().getPropertiesComponent();
        input = CsvInput.of(option("input"));
        ColumnMapping mapping = ColumnMapping.of(input.header(), this::option);
        workDir = Path.of(option("work-dir"));
        output = Path.of(option("output")).toAbsolutePath();
        journal = JobJournal.open(workDir, input.fingerprint());
        if (option("api-key") == null) {
            startOffline();
        }
        serveWebhook();
        FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(workDir);
        main.bind("ledger", ledger);
        main.bind("deliveries", FileIdempotentRepository.fileIdempotentRepository(
                workDir.resolve("webhook-deliveries.txt").toFile(), 10_000));
        job = new EnrichmentJob(journal, ledger, input.rowCount(), input.file().getFileName().toString(),
                Duration.ofMillis(TimeUtils.toMilliSeconds(option("in-doubt-wait"))), out);
        main.bind("job", job);
        main.bind("input", input);
        main.bind("mapping", mapping);
        main.configure().addRoutesBuilder(new EnrichmentRoutes(main::completed));
        printBanner(mapping);
    }

    /** No API key: the embedded simulator, and the offline defaults. */
    private void startOffline() {
        if (!journal.isFresh()) {
            // the enrichments of an earlier offline run lived in its simulator, which ended with it
            out.println("An earlier offline run stopped before the end; its simulator is gone: this run starts over");
            journal.close();
            FileUtil.removeDir(workDir.toFile());
            journal = JobJournal.open(workDir, input.fingerprint());
        }
        simulator = DeepEnrichSimulator.start(SimulatorConfig.builder().apiKeys(Set.of(OFFLINE_API_KEY))
                .processingLatency(Duration.ofSeconds(1)).requestsPerMinute(0)
                .webhookRetryInterval(Duration.ofSeconds(2)).build());
        properties.addOverrideProperty("api-key", OFFLINE_API_KEY);
        properties.addOverrideProperty("base-url", simulator.baseUrl());
        properties.addOverrideProperty("mode.enrich-fields", "{{offline.enrich-fields}}");
        properties.addOverrideProperty("mode.requests-per-minute", "{{offline.requests-per-minute}}");
    }

    /**
     * Results by webhook (offline, or with a callback URL) on camel-main's HTTP server, on a port kept in the work
     * dir, since the webhooks of batches sent carry it; else results are polled.
     */
    private void serveWebhook() {
        if (simulator == null && option("callback-url") == null) {
            return;
        }
        String host = option("http-host");
        String port = "0".equals(option("http-port"))
                ? journal.setting("httpPort", () -> Integer.toString(freePort(host))) : option("http-port");
        properties.addOverrideProperty("camel.server.enabled", "true");
        properties.addOverrideProperty("camel.server.port", port);
        if (option("callback-url") == null) {
            properties.addOverrideProperty("callback-url", "http://" + host + ":" + port + option("webhook-path"));
        }
        properties.addOverrideProperty("camel.component.deepenrich.callback-url", option("callback-url"));
        properties.addOverrideProperty("results", "{{results-by-webhook}}");
    }

    /** Not from a timer route: the last, partial block can only be flushed once Camel has fully started. */
    @Override
    public void afterStart(BaseMainSupport camelMain) {
        main.getCamelContext().createFluentProducerTemplate().to(EnrichmentRoutes.READ).asyncSend();
    }

    private JobSummary finish() {
        job.printProgress();
        if (job.failure() != null) {
            throw new IllegalStateException("The job stopped: " + job.failure().getMessage() + ". Run it again to "
                                            + "resume.",
                    job.failure());
        }
        if (!job.isDone()) {
            out.println("Stopped before the end; run the same command again to resume (state in "
                        + workDir.toAbsolutePath() + ")");
            return null;
        }
        JobSummary summary = job.summary(input.writeEnriched(output, journal::result), output);
        journal.close();
        journal = null;
        FileUtil.removeDir(workDir.toFile());
        summary.print(out);
        return summary;
    }

    private void printBanner(ColumnMapping mapping) {
        out.println("DeepEnrich CSV enrichment of " + input.file().toAbsolutePath() + " (" + input.rowCount()
                    + " rows; " + mapping + ") into " + output + "\n  fields " + option("enrich-fields") + ", API "
                    + (simulator == null ? option("base-url") : "offline: embedded DeepEnrich simulator at "
                                                                + simulator.baseUrl()
                                                                + " (set DEEPENRICH_API_KEY to use the real API)")
                    + "\n  results " + (option("callback-url") == null ? "by polling (set callback-url to receive "
                                                                         + "them by webhook)"
                            : "by webhook at " + option("callback-url") + ", polled when "
                              + option("poll-fallback-after") + " late"));
        if (!journal.isFresh()) {
            out.println("  resuming " + journal.resolved() + " rows done; the blocks sent before wait for their "
                        + "results (work dir " + workDir.toAbsolutePath() + ")");
        }
    }

    /** The option's value, trimmed; null when it is not set or blank. */
    private String option(String name) {
        return properties.resolveProperty(name).map(String::trim).filter(value -> !value.isEmpty()).orElse(null);
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }
}
