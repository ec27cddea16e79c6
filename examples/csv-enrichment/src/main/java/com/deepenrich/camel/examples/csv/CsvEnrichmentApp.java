package com.deepenrich.camel.examples.csv;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * The main job: enriches a CSV of contacts with DeepEnrich and writes it back with email, email status, phone and
 * outcome columns. Without an API key it runs offline, against an embedded DeepEnrich simulator. Killed and run
 * again with the same work dir, it goes on where it stopped, and sends no contact twice.
 */
public final class CsvEnrichmentApp {

    static final String OFFLINE_API_KEY = "offline-demo-key";

    private final JobOptions options;
    private final PrintStream out;

    public CsvEnrichmentApp(JobOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        JobOptions options = JobOptions.parse(args);
        if (options.help()) {
            System.out.print(JobOptions.USAGE);
            return;
        }
        new CsvEnrichmentApp(options, System.out).run();
    }

    /** Runs the job to its end; returns null when it was stopped before (Ctrl+C): run again to resume. */
    public JobSummary run() throws Exception {
        CsvInput input = CsvInput.of(options.input());
        List<String> header = input.header();
        ColumnMapping mapping = ColumnMapping.of(header, options);
        long totalRows = input.countRows();
        JobSummary summary;
        try (DeepEnrichSimulator simulator = options.offline() ? startSimulator() : null) {
            JobState state = openState(input);
            try {
                summary = runCamel(input, mapping, totalRows, state, simulator);
            } finally {
                state.close();
            }
        }
        if (summary != null) {
            deleteRecursively(options.workDir());
            summary.print(out);
        }
        return summary;
    }

    private JobSummary runCamel(CsvInput input, ColumnMapping mapping, long totalRows, JobState state,
                                DeepEnrichSimulator simulator) throws Exception {
        DeepEnrichLedger ledger = new FileDeepEnrichLedger(options.workDir());
        JobRun run = new JobRun(totalRows, state, ledger, options.inDoubtWait());
        int interrupted = state.settleInterruptedBatches(ledger, run.doubtDeadline());

        Main main = new Main();
        main.bind("ledger", ledger);
        main.bind("deliveries", FileIdempotentRepository.fileIdempotentRepository(
                options.workDir().resolve("webhook-deliveries.txt").toFile(), 10_000));
        configureComponent(main, state, simulator);
        Endpoints endpoints = simulator != null || options.callbackUrl() != null
                ? webhookEndpoints(main, state) : pollEndpoints();
        ProgressReporter progress = new ProgressReporter(run, out);
        main.configure().addRoutesBuilder(new EnrichmentRoutes(run, new RowReader(input, mapping, state),
                new BatchSubmitter(run, input.file().getFileName().toString()), new ResultRecorder(run), progress,
                endpoints.bulk(), endpoints.results(), main::completed));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                // not from a timer route: the last, partial batch can only be flushed once Camel has fully started
                started.getCamelContext().createFluentProducerTemplate().to(EnrichmentRoutes.READ).asyncSend();
            }
        });
        printBanner(input, mapping, totalRows, state, simulator, endpoints.callbackUrl(), interrupted);
        run.checkFinished();
        main.run();

        out.println(progress.line());
        if (run.finished().isCompletedExceptionally()) {
            Throwable cause = run.finished().handle((done, failure) -> failure).join();
            throw new IllegalStateException("The job stopped: " + cause.getMessage() + ". Run it again to resume.",
                    cause);
        }
        if (!run.finished().isDone()) {
            out.println("Stopped before the end; run the same command again to resume (state in "
                        + options.workDir().toAbsolutePath() + ")");
            return null;
        }
        long written = EnrichedCsvWriter.write(input, state, options.output());
        return new JobSummary(written, state.submitted(), state.outcomes(), state.creditsSpent(),
                run.elapsedSeconds(), options.output().toAbsolutePath());
    }

    /** The component's options, as camel-main properties. */
    private void configureComponent(Main main, JobState state, DeepEnrichSimulator simulator) {
        String baseUrl = simulator != null ? simulator.baseUrl() : options.baseUrl();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("api-key", simulator != null ? OFFLINE_API_KEY : options.apiKey());
        if (baseUrl != null) {
            settings.put("base-url", baseUrl);
        }
        // kept in the work dir: the webhooks of batches a killed run sent carry it
        settings.put("callback-token",
                state.jobSetting("callbackToken", () -> HexFormat.of().formatHex(randomBytes())));
        settings.put("enrich-fields", options.enrichFields());
        settings.put("requests-per-minute", Integer.toString(options.requestsPerMinute()));
        settings.put("poll-fallback-after", Long.toString(options.pollFallbackAfter().toMillis()));
        settings.forEach((name, value) -> main.addOverrideProperty("camel.component.deepenrich." + name, value));
    }

    /** Where batches go and where results come from; the callback URL is null when results are polled. */
    private record Endpoints(String bulk, String results, String callbackUrl) {
    }

    private Endpoints pollEndpoints() {
        long interval = options.pollInterval().toMillis();
        return new Endpoints("deepenrich:bulk", "deepenrich:results?delay=" + interval + "&firstReadAfter=" + interval,
                null);
    }

    /** Results by webhook on camel-main's HTTP server (the port kept in the work dir, for the same reason). */
    private Endpoints webhookEndpoints(Main main, JobState state) {
        int port = options.httpPort() != 0 ? options.httpPort()
                : Integer.parseInt(state.jobSetting("httpPort", () -> Integer.toString(freePort())));
        main.addOverrideProperty("camel.server.enabled", "true");
        main.addOverrideProperty("camel.server.host", options.httpHost());
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        String callbackUrl = options.callbackUrl() != null ? options.callbackUrl()
                : "http://" + options.httpHost() + ":" + port + EnrichmentRoutes.WEBHOOK_PATH;
        return new Endpoints("deepenrich:bulk?callbackUrl=RAW(" + callbackUrl + ")",
                "webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false&webhookPath="
                + EnrichmentRoutes.WEBHOOK_PATH + "&delay=" + options.pollInterval().toMillis(),
                callbackUrl);
    }

    private JobState openState(CsvInput input) {
        JobState state = JobState.open(options.workDir(), input.fingerprint());
        if (options.offline() && !state.isFresh()) {
            // the enrichments of an earlier offline run lived in its simulator, which ended with it
            out.println("An earlier offline run stopped before the end; its simulator is gone: this run starts over");
            state.close();
            deleteRecursively(options.workDir());
            state = JobState.open(options.workDir(), input.fingerprint());
        }
        return state;
    }

    private static DeepEnrichSimulator startSimulator() {
        return DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(OFFLINE_API_KEY))
                .processingLatency(Duration.ofSeconds(1))
                .requestsPerMinute(0)
                .webhookRetryInterval(Duration.ofSeconds(2))
                .build());
    }

    private void printBanner(CsvInput input, ColumnMapping mapping, long totalRows, JobState state,
                             DeepEnrichSimulator simulator, String callbackUrl, int interrupted) {
        out.println("DeepEnrich CSV enrichment");
        out.println("  input    " + input.file().toAbsolutePath() + " (" + totalRows + " rows; "
                    + mapping.describe(input.header()) + ")");
        out.println("  output   " + options.output().toAbsolutePath());
        out.println("  fields   " + options.enrichFields());
        out.println("  API      " + (simulator != null
                ? "offline: embedded DeepEnrich simulator at " + simulator.baseUrl()
                  + " (set DEEPENRICH_API_KEY to use the real API)"
                : options.baseUrl() != null ? options.baseUrl() : "DeepEnrich"));
        out.println("  results  " + (callbackUrl != null
                ? "by webhook at " + callbackUrl + ", polled when " + options.pollFallbackAfter().toSeconds()
                  + "s late"
                : "by polling (pass --callback-url to receive them by webhook)"));
        if (!state.isFresh()) {
            out.println("  resuming " + state.resolved() + " rows done, " + state.submitted()
                        + " contacts submitted before; " + interrupted
                        + " interrupted batches waiting in doubt for their results (work dir "
                        + options.workDir().toAbsolutePath() + ")");
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(options.httpHost()))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + options.httpHost(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
