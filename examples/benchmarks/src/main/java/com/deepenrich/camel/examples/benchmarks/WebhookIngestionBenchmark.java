package com.deepenrich.camel.examples.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.callback.CallbackToken;
import com.deepenrich.camel.model.EnrichmentResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * B3: webhook deliveries of 100 contacts each, about 10% of them sent twice, POSTed concurrently into
 * {@code webhook:deepenrich:results} on platform-http (Vert.x, 127.0.0.1), against a bare platform-http route that
 * only parses the same bodies with Jackson.
 */
final class WebhookIngestionBenchmark {

    static final String TITLE = "B3 webhook ingestion";
    static final int CONCURRENCY = 16;
    private static final int CONTACTS_PER_DELIVERY = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookIngestionBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        LongAdder emittedResults = new LongAdder();
        LongAdder emittedContacts = new LongAdder();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(0);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(http);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addService(server);
            DeepEnrichComponent deepenrich = new DeepEnrichComponent();
            deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
            context.addComponent("deepenrich", deepenrich);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    // @formatter:off
                    from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                         + "&webhookPath=/deepenrich/results&pollFallbackAfter=0")
                            .routeId("webhook-ours")
                            .process(e -> {
                                emittedResults.increment();
                                emittedContacts.add(e.getMessage().getBody(EnrichmentResult.class).getContacts().size());
                            });
                    from("platform-http:/bare/results?httpMethodRestrict=POST").routeId("webhook-bare")
                            .process(e -> {
                                MAPPER.readTree(e.getMessage().getBody(byte[].class));
                                e.getMessage().setBody("{}");
                            });
                    // @formatter:on
                }
            });
            context.start();
            URI ours = URI.create("http://127.0.0.1:" + server.getPort() + "/deepenrich/results?token="
                                  + CallbackToken.derive(BenchmarkMain.API_KEY));
            URI bare = URI.create("http://127.0.0.1:" + server.getPort() + "/bare/results");
            PostLoad load = new PostLoad(CONCURRENCY);
            for (int round = 0; round < scale.warmupRounds(); round++) {
                List<byte[]> bodies = deliveries(scale.deliveries(), round);
                load.post(ours, bodies);
                load.post(bare, bodies);
            }
            List<PostLoad.Outcome> oursRounds = new ArrayList<>();
            List<PostLoad.Outcome> bareRounds = new ArrayList<>();
            emittedResults.reset();
            emittedContacts.reset();
            for (int round = 0; round < scale.measuredRounds(); round++) {
                List<byte[]> bodies = deliveries(scale.deliveries(), scale.warmupRounds() + round);
                oursRounds.add(load.post(ours, bodies));
                bareRounds.add(load.post(bare, bodies));
            }
            Figures bareFigures = new Figures(bareRounds);
            Figures oursFigures = new Figures(oursRounds);
            Map<String, String> o = oursFigures.map(bareFigures);
            o.put("results emitted", Stats.integer(emittedResults.sum()));
            o.put("contacts emitted", Stats.integer(emittedContacts.sum()));
            report.add(TITLE, "webhook:deepenrich:results (ours)", o);
            report.add(TITLE, "bare platform-http + Jackson parse", bareFigures.map(bareFigures));
        }
        report.note(TITLE + ": " + scale.deliveries() + " distinct deliveries of " + CONTACTS_PER_DELIVERY
                    + " contacts plus 10% sent twice, " + CONCURRENCY + " POSTs in flight; latency is per POST, "
                    + "client side; " + scale.measuredRounds() + " measured rounds after " + scale.warmupRounds()
                    + " warm-up rounds.");
    }

    /** {@code count} distinct results (fresh ids) and every tenth of them once more, in a shuffled order. */
    static List<byte[]> deliveries(int count, int seed) {
        List<byte[]> bodies = new ArrayList<>(count + count / 10);
        for (int i = 0; i < count; i++) {
            bodies.add(ResultBodies.finished(i * CONTACTS_PER_DELIVERY, CONTACTS_PER_DELIVERY));
        }
        for (int i = 0; i < count; i += 10) {
            bodies.add(bodies.get(i));
        }
        Collections.shuffle(bodies, new Random(seed));
        return bodies;
    }

    /** The figures of one route over all measured rounds. */
    private static final class Figures {

        private final double deliveriesPerSecond;
        private final double[] latency;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final int posts;

        Figures(List<PostLoad.Outcome> rounds) {
            double[] rates = new double[rounds.size()];
            List<Double> all = new ArrayList<>();
            int total = 0;
            for (int r = 0; r < rounds.size(); r++) {
                PostLoad.Outcome outcome = rounds.get(r);
                rates[r] = outcome.latencyMillis().length / outcome.seconds();
                for (double l : outcome.latencyMillis()) {
                    all.add(l);
                }
                total += outcome.latencyMillis().length;
                outcome.statuses().forEach((s, n) -> statuses.merge(s, n, Integer::sum));
            }
            deliveriesPerSecond = Stats.median(rates);
            latency = all.stream().mapToDouble(Double::doubleValue).toArray();
            posts = total;
        }

        Map<String, String> map(Figures bare) {
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("POSTs", Stats.integer(posts));
            figures.put("answers", statuses.toString());
            figures.put("deliveries/s (median)", Stats.integer(deliveriesPerSecond));
            figures.put("contacts/s", Stats.integer(deliveriesPerSecond * CONTACTS_PER_DELIVERY));
            figures.put("p50 ms", Stats.decimal(Stats.percentile(latency, 50)));
            figures.put("p95 ms", Stats.decimal(Stats.percentile(latency, 95)));
            figures.put("p99 ms", Stats.decimal(Stats.percentile(latency, 99)));
            figures.put("throughput vs bare", Stats.ratio(deliveriesPerSecond / bare.deliveriesPerSecond));
            return figures;
        }
    }
}
