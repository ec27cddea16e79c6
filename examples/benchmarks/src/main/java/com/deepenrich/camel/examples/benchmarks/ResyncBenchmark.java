package com.deepenrich.camel.examples.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.DeepEnrichEndpointUriFactory;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorStats;

/**
 * B6: a nightly CRM re-sync against the simulator, which charges as DeepEnrich does (identical input enriched by an
 * earlier, finished job is free; the same person in one request, in simultaneous requests or spelled another way is
 * charged). Day 1 sends {@link CrmResync#dayOne}, day 2 {@link CrmResync#dayTwo}, each through aggregate(100) into
 * {@code deepenrich:bulk}, results by webhook ({@link ResyncApp}); the figures are day 2's. Each variant runs both
 * days on a simulator and a Camel context of its own. The simulator allows 60 requests per window and a job takes
 * {@value ResyncApp#JOB_WINDOWS} windows.
 */
final class ResyncBenchmark {

    static final String TITLE = "B6 CRM re-sync, day 2";
    static final String PLAIN = "plain request per 100 (deduplicatePeople=false, fingerprintWindow=0)";
    static final String DEFAULTS = "deepenrich:bulk, defaults (person guard on, reuse window off)";
    static final String REUSE = "deepenrich:bulk, reuseResultsWithin=1d";
    static final String REUSE_OPTION = "reuseResultsWithin";
    static final String NOT_AVAILABLE = "not available";
    private static final long ONE_DAY_MILLIS = Duration.ofDays(1).toMillis();

    private ResyncBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        report.add(TITLE, PLAIN, new Run(scale, "deduplicatePeople=false&fingerprintWindow=0").dayTwo());
        report.add(TITLE, DEFAULTS, new Run(scale, "").dayTwo());
        report.add(TITLE, REUSE, reuseWindowAvailable()
                ? new Run(scale, REUSE_OPTION + "=" + ONE_DAY_MILLIS).dayTwo()
                : Map.of("requests", NOT_AVAILABLE));
        Duration window = scale.resyncWindow();
        report.note(TITLE + ": day 1 " + Stats.integer(scale.resyncPeople()) + " people; day 2 the same export with"
                    + " 5% changed, 5% new, 3% spelled another way and 5% more rows repeating a person under another"
                    + " lead id (half of them spelled another way), chunks of 100 shifted. Limit "
                    + ResyncApp.LIMIT_PER_WINDOW
                    + " requests per " + window.toMillis() + " ms window (production: per minute, so multiply times"
                    + " by " + Duration.ofMinutes(1).toMillis() / window.toMillis() + "); a job takes "
                    + ResyncApp.JOB_WINDOWS
                    + " windows; results by webhook. 'credits for changed and new' is what their results cost by"
                    + " DeepEnrich's rule (1 per email, 10 per phone); 'credits beyond' is the rest of the credits"
                    + " spent: people enriched before or twice; 'credits for respelled, if sent' what the respelled"
                    + " rows' results cost when sent (their new spelling is new input to DeepEnrich).");
    }

    /** Whether this build of the component has the option that reuses a person's recent result. */
    static boolean reuseWindowAvailable() {
        return new DeepEnrichEndpointUriFactory().propertyNames().contains(REUSE_OPTION);
    }

    /** Both days of one variant: its own simulator, ledger and Camel context. */
    private static final class Run {

        private final Scale scale;
        private final String options;

        Run(Scale scale, String options) {
            this.scale = scale;
            this.options = options;
        }

        Map<String, String> dayTwo() throws Exception {
            Duration window = scale.resyncWindow();
            try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(ResyncApp.simulator(window));
                    ResyncApp app = new ResyncApp(simulator.baseUrl(), window, options, null)) {
                app.send(CrmResync.dayOne(scale.resyncPeople()));
                SimulatorStats stats = simulator.stats();
                long requests = stats.submissions();
                long contacts = stats.contactsSubmitted();
                long credits = stats.creditsSpent();
                List<CrmResync.Row> rows = CrmResync.dayTwo(scale.resyncPeople());
                ResyncApp.Answers answers = app.send(rows);
                return figures(rows, answers, stats.submissions() - requests, stats.contactsSubmitted() - contacts,
                        stats.creditsSpent() - credits, stats.rateLimited429());
            }
        }

        private static Map<String, String> figures(List<CrmResync.Row> rows, ResyncApp.Answers answers,
                                                   long requests, long contacts, long credits, long tooMany) {
            long start = answers.startNanos;
            Map<String, Long> answeredAt = answers.answeredAt;
            Map<String, Long> creditsOfAnswer = answers.creditsOfAnswer;
            Set<String> deduplicatedLeads = answers.deduplicatedLeads;
            Map<CrmResync.Kind, Integer> kinds = new HashMap<>();
            long changedAndNew = 0;
            long respelled = 0;
            long lastKnown = start;
            long last = start;
            for (CrmResync.Row row : rows) {
                kinds.merge(row.kind(), 1, Integer::sum);
                long at = answeredAt.getOrDefault(row.leadId(), start);
                last = Math.max(last, at);
                if (row.kind() == CrmResync.Kind.RESPELLED && !deduplicatedLeads.contains(row.leadId())) {
                    respelled += creditsOfAnswer.getOrDefault(row.leadId(), 0L);
                }
                if (row.knownFromDayOne()) {
                    lastKnown = Math.max(lastKnown, at);
                } else if (row.kind() != CrmResync.Kind.DUPLICATE) {
                    changedAndNew += creditsOfAnswer.getOrDefault(row.leadId(), 0L);
                }
            }
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("rows", Stats.integer(rows.size()));
            figures.put("changed + new", Stats.integer(kinds.getOrDefault(CrmResync.Kind.CHANGED, 0)) + " + "
                                         + Stats.integer(kinds.getOrDefault(CrmResync.Kind.NEW, 0)));
            figures.put("respelled", Stats.integer(kinds.getOrDefault(CrmResync.Kind.RESPELLED, 0)));
            figures.put("repeated", Stats.integer(kinds.getOrDefault(CrmResync.Kind.DUPLICATE, 0)));
            figures.put("requests", Stats.integer(requests));
            figures.put("contacts sent", Stats.integer(contacts));
            figures.put("credits spent", Stats.integer(credits));
            figures.put("credits for changed and new", Stats.integer(changedAndNew));
            figures.put("credits beyond", Stats.integer(credits - changedAndNew));
            figures.put("credits for respelled, if sent", Stats.integer(respelled));
            figures.put("deduplicated", Stats.integer(deduplicatedLeads.size()));
            figures.put("answered", Stats.integer(answeredAt.size()));
            figures.put("people known from day 1 answered s", Stats.decimal((lastKnown - start) / 1e9));
            figures.put("last result s", Stats.decimal((last - start) / 1e9));
            figures.put("429s", Stats.integer(tooMany));
            return figures;
        }
    }
}
