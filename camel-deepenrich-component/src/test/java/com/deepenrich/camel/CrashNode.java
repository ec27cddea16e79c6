package com.deepenrich.camel;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * The application that {@link CrashRestartTest} kills: a webhook route (with its poll fallback) on a
 * {@link FileDeepEnrichLedger} and a {@link FileIdempotentRepository} in a work dir. The route appends each id it
 * receives to {@code emitted.log} (synced), then, while the file {@code block-route} exists, writes
 * {@code in-route} and waits to be killed; while {@code block-complete} exists, the ledger writes
 * {@code completing} and waits in {@code complete}, after the route finished; each id it completed is appended to
 * {@code completed.log} (synced), so the test follows the ledger without opening its file, which the node holds.
 * <p>
 * Arguments: work dir, API base URL, HTTP port, pollFallbackAfter (ms), whether to submit one contact on start.
 */
public final class CrashNode {

    static final String EMITTED = "emitted.log";
    static final String BLOCK_ROUTE = "block-route";
    static final String IN_ROUTE = "in-route";
    static final String BLOCK_COMPLETE = "block-complete";
    static final String COMPLETING = "completing";
    static final String COMPLETED = "completed.log";

    private CrashNode() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        DeepEnrichComponent component = WireMockApi.component(args[1]);
        DeepEnrichConfiguration cfg = component.getConfiguration();
        cfg.setLedger(new WaitingLedger(work));
        cfg.setIdempotentRepository(
                FileIdempotentRepository.fileIdempotentRepository(work.resolve("seen.txt").toFile()));

        CamelContext context = new DefaultCamelContext();
        context.addComponent("deepenrich", component);
        LocalHttpServer.addTo(context, Integer.parseInt(args[2]));
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=/deepenrich/results&pollFallbackAfter=" + args[3] + "&delay=100&initialDelay=0")
                        .routeId("results")
                        .process(e -> {
                            append(work.resolve(EMITTED), e.getMessage().getBody(EnrichmentResult.class).getId());
                            waitWhile(work, BLOCK_ROUTE, IN_ROUTE);
                        });
            }
        });
        context.start();
        if (Boolean.parseBoolean(args[4])) {
            context.createProducerTemplate().requestBody("deepenrich:bulk", List.of(WireMockApi.contact(0)));
            System.out.println("SUBMITTED");
        }
        System.out.println("STARTED");
        Thread.sleep(60_000); // the test kills or stops this process long before
        context.stop();
    }

    /** Appends {@code line} to {@code file} and syncs it to disk, so that it survives a kill. */
    static void append(Path file, String line) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
    }

    /** While {@code block} exists in the work dir, writes {@code marker} and waits (at most a minute) to be killed. */
    private static void waitWhile(Path work, String block, String marker) throws InterruptedException {
        if (Files.exists(work.resolve(block))) {
            try {
                append(work.resolve(marker), "here");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(60_000);
        }
    }

    /** A file ledger that, while {@code block-complete} exists, waits in {@code complete} to be killed. */
    private static final class WaitingLedger extends FileDeepEnrichLedger {

        private final Path work;

        WaitingLedger(Path work) {
            super(work);
            this.work = work;
        }

        @Override
        public synchronized boolean complete(String enrichmentId) {
            try {
                waitWhile(work, BLOCK_COMPLETE, COMPLETING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean completed = super.complete(enrichmentId);
            if (completed) {
                try {
                    append(work.resolve(COMPLETED), enrichmentId);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return completed;
        }
    }
}
