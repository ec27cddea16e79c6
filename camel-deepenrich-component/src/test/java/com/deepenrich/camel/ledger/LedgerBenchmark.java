package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.deepenrich.camel.ledger.PeopleRegistry.Answer;
import com.deepenrich.camel.ledger.PeopleRegistry.Entrant;
import com.deepenrich.camel.ledger.PeopleRegistry.HeldPerson;
import com.deepenrich.camel.model.RequestNames;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What one bulk request of 100 people costs a persistent ledger, with 1,000 and with 100,000 people already stored,
 * on the file ledger and on the JDBC ledger on PostgreSQL (embedded, one pooled connection); and the heap a file
 * ledger holding 100,000 stored results keeps after a full GC. Not run by the build:
 *
 * <pre>
 * mvn -B -ntp -pl camel-deepenrich-component test-compile exec:exec -Dexec.skip=false -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="-Xmx256m -cp %classpath com.deepenrich.camel.ledger.LedgerBenchmark"
 * </pre>
 *
 * One request's ledger work, as the producer and the results route do it: enter its 100 people, point their holds at
 * it, write its wire record, reserve its credits, accept it (the wire record becomes a pending enrichment with its
 * fingerprint), extend its holds, then its result: claim it, answer its people, settle its credits, keep their 100
 * results, forget its holds, complete it; and read the stored results of the next batch's 100 people. "Already
 * stored" means that many stored results, that many people held by requests still running (a hundred per request)
 * and their pending enrichments.
 */
public final class LedgerBenchmark {

    private static final int PEOPLE = 100;
    private static final int WARM_UP = 100;
    /** Requests measured on each store, in rounds taking turns between the two, so both meet the same machine load. */
    private static final int ROUNDS = 6;
    private static final int PER_ROUND = 50;
    private static final int SMALL = 1_000;
    private static final int LARGE = 100_000;
    private static final Duration KEEP = Duration.ofDays(30);
    /** An enriched contact as the API returns it, about 1 KB with its summary. */
    private static final String CONTACT = "{\"contact\":{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\","
                                          + "\"domain\":\"example.com\",\"linkedin_url\":\"https://www.linkedin.com/in/"
                                          + "%s\"},\"custom\":{\"lead\":\"00Q5g00000AbCdEf\",\"row\":\"17\"},"
                                          + "\"most_probable_email\":\"ada.lovelace@example.com\","
                                          + "\"most_probable_email_status\":\"valid\",\"emails\":["
                                          + "{\"email\":\"ada.lovelace@example.com\",\"status\":\"valid\"},"
                                          + "{\"email\":\"ada@example.com\",\"status\":\"catch_all\"}],"
                                          + "\"profile\":{\"job_title\":\"Analyst\",\"company\":\"Analytical Engines\","
                                          + "\"location\":\"London, United Kingdom\",\"summary\":\"%s\"},"
                                          + "\"outcome\":\"FOUND\"}";
    private static final int SUMMARY = 500;

    private final Random random = new Random(42);
    private int requests;

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // not the embedded server's start
        Path work = Files.createTempDirectory("ledger-benchmark");
        LedgerBenchmark benchmark = new LedgerBenchmark();
        try {
            benchmark.heapOfAFileLedgerWith(100_000, work.resolve("heap"));
            FileDeepEnrichLedger small = new FileDeepEnrichLedger(work.resolve("file-small"));
            FileDeepEnrichLedger large = new FileDeepEnrichLedger(work.resolve("file-large"));
            benchmark.compare("file ledger", small, large);
            small.stop();
            large.stop();
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Connection connection = postgres.getPostgresDatabase().getConnection()) {
            SingleConnectionDataSource pooled = new SingleConnectionDataSource(connection, true);
            benchmark.compare("JDBC ledger on PostgreSQL", prefixed(pooled, "small_"), prefixed(pooled, "large_"));
        }
    }

    private static JdbcDeepEnrichLedger prefixed(SingleConnectionDataSource database, String tablePrefix) {
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(database);
        ledger.setTablePrefix(tablePrefix);
        return ledger;
    }

    /** Its heap, and its file: as written, then compacted to its live rows. */
    private void heapOfAFileLedgerWith(int results, Path file) throws IOException, SQLException {
        long before = heapAfterGc();
        FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(file);
        fill(ledger, results);
        long after = heapAfterGc();
        long written = Files.size(ledger.getFile());
        try (Connection c = ledger.getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        ledger.stop();
        System.out.printf("file ledger with %,d stored results (and as many people held): heap after a full GC "
                          + "%.1f MB (%.1f MB before it was opened); file %,d KB as written, %,d KB compacted%n",
                results, after / 1e6, before / 1e6, written / 1024, Files.size(ledger.getFile()) / 1024);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One request's cost on a ledger holding {@value #SMALL} people, and on one holding {@value #LARGE}. */
    private void compare(String name, JdbcDeepEnrichLedger small, JdbcDeepEnrichLedger large) {
        List<String> fewPeople = filled(name, small, SMALL);
        List<String> manyPeople = filled(name, large, LARGE);
        long[] onSmall = new long[ROUNDS * PER_ROUND];
        long[] onLarge = new long[ROUNDS * PER_ROUND];
        for (int i = 0; i < WARM_UP; i++) {
            oneRequest(small, fewPeople);
            oneRequest(large, manyPeople);
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < PER_ROUND; i++) {
                onSmall[round * PER_ROUND + i] = timed(small, fewPeople);
            }
            for (int i = 0; i < PER_ROUND; i++) {
                onLarge[round * PER_ROUND + i] = timed(large, manyPeople);
            }
        }
        report(name, SMALL, onSmall);
        report(name, LARGE, onLarge);
    }

    private List<String> filled(String name, JdbcDeepEnrichLedger ledger, int stored) {
        long start = System.nanoTime();
        fill(ledger, stored);
        System.out.printf("%s: %,d people stored in %d s%n", name, stored,
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
        return IntStream.range(0, stored).mapToObj(LedgerBenchmark::storedPerson).toList();
    }

    private long timed(JdbcDeepEnrichLedger ledger, List<String> storedPeople) {
        long start = System.nanoTime();
        oneRequest(ledger, storedPeople);
        return System.nanoTime() - start;
    }

    private static void report(String name, int stored, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("%s, %,d people stored: one request of %d people, median %.1f ms, p90 %.1f ms, mean "
                          + "%.1f ms (%d requests)%n",
                name, stored, PEOPLE, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6,
                Arrays.stream(nanos).average().orElseThrow() / 1e6, nanos.length);
    }

    /** {@code stored} stored results, and as many people held by running requests with their pending enrichments. */
    private void fill(JdbcDeepEnrichLedger ledger, int stored) {
        Instant now = Instant.now();
        for (int from = 0; from < stored; from += 1_000) {
            List<StoredResult> results = new ArrayList<>();
            for (int i = from; i < Math.min(stored, from + 1_000); i++) {
                results.add(result(storedPerson(i), now));
            }
            ledger.people().keep(results);
        }
        for (int from = 0; from < stored; from += PEOPLE) {
            String key = RequestNames.newKey();
            List<String> people = IntStream.range(from, Math.min(stored, from + PEOPLE))
                    .mapToObj(i -> "running-" + i).toList();
            ledger.people().enter("filler", people.stream().map(p -> new Entrant(p, List.of())).toList(), now,
                    now.plus(KEEP));
            ledger.people().assign("filler", key, held(people), KEEP);
            ledger.record(new PendingEnrichment("filled-" + key, "job #" + key, now, people.size()));
        }
    }

    /** Her enriched contact, its summary random (a database may compress what repeats). */
    private StoredResult result(String person, Instant foundAt) {
        char[] summary = new char[SUMMARY];
        for (int i = 0; i < SUMMARY; i++) {
            summary[i] = (char) ('a' + random.nextInt(26));
        }
        return new StoredResult(person, List.of("contact.emails"), CONTACT.formatted(person, new String(summary)),
                foundAt, foundAt.plus(KEEP));
    }

    private static String storedPerson(int i) {
        return "stored-" + i + "|ada|lovelace|example.com";
    }

    private List<String> sample(List<String> people) {
        return IntStream.range(0, PEOPLE).mapToObj(i -> people.get(random.nextInt(people.size()))).toList();
    }

    private void oneRequest(JdbcDeepEnrichLedger ledger, List<String> storedPeople) {
        Instant now = Instant.now();
        int n = requests++;
        String key = RequestNames.newKey();
        String holder = "submission-" + n;
        List<String> people = IntStream.range(0, PEOPLE).mapToObj(i -> "person-" + n + "-" + i + "|x|y|z.com")
                .toList();
        PeopleRegistry registry = ledger.people();

        registry.enter(holder, people.stream().map(p -> new Entrant(p, List.of())).toList(), now,
                now.plusSeconds(600));
        registry.assign(holder, key, held(people), KEEP);
        WireRecord record = new WireRecord(key, "job #" + key, "fingerprint-" + key, Duration.ofHours(1), now, PEOPLE,
                "digest-" + key);
        ledger.wire().write(record);
        ledger.credits().reserve(new CreditsReservation(key, "account", "all", PEOPLE, record.name(), now), null, 0);
        String enrichmentId = "enrichment-" + key;
        InDoubtRequests.accepted(ledger, record, enrichmentId, now);
        registry.extend(key, now.plus(Duration.ofDays(1)));

        ledger.claim(enrichmentId, "poller", Duration.ofMinutes(10));
        List<Answer> answers = registry.answer(key);
        ledger.credits().settle(key, PEOPLE);
        registry.keep(answers.stream().map(a -> result(a.hold().identity(), now)).toList());
        registry.answered(key, List.of());
        ledger.complete(enrichmentId);

        Map<String, StoredResult> found = registry.storedResults(sample(storedPeople), now);
        if (found.isEmpty() || answers.size() != PEOPLE) {
            throw new IllegalStateException("the ledger lost what it was given");
        }
    }

    private static List<HeldPerson> held(List<String> people) {
        return IntStream.range(0, people.size())
                .mapToObj(i -> new HeldPerson(people.get(i), i, Map.of("lead", "00Q5g0000" + i, "row", "" + i)))
                .toList();
    }
}
