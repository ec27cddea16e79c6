package com.deepenrich.camel.postgres;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DuplicateKeyException;

import static com.deepenrich.camel.Concurrently.atOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camel's {@code JdbcMessageIdRepository} (camel-sql) on PostgreSQL, set up as operations.md recommends for many
 * instances: one repository per instance, all sharing the table under one processor name. The keys are the
 * component's delivery keys (enrichment id and final status).
 */
class PostgresMessageIdRepositoryTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private static final String KEY = "0e8f5c1a-0000-4000-8000-000000000001:COMPLETED";

    private final List<JdbcMessageIdRepository> instances = new ArrayList<>();

    private JdbcMessageIdRepository instance() {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(POSTGRES.dataSource(), "deepenrich-webhooks");
        repository.start();
        instances.add(repository);
        return repository;
    }

    @AfterEach
    void emptyTheTable() throws Exception {
        instances.forEach(JdbcMessageIdRepository::stop);
        POSTGRES.dropTables();
    }

    @Test
    void aKeyAddedByOneInstanceIsSeenByAnotherUntilRemoved() {
        JdbcMessageIdRepository one = instance();
        JdbcMessageIdRepository two = instance();

        assertTrue(one.add(KEY));
        assertTrue(two.contains(KEY));
        assertFalse(two.add(KEY), "a redelivery to the other instance is a duplicate");

        assertTrue(one.remove(KEY), "the route failed: the key is given back");
        assertFalse(two.contains(KEY));
        assertTrue(two.add(KEY), "the retried delivery is processed");
        assertTrue(two.confirm(KEY));
        assertFalse(one.add(KEY), "a confirmed key stays seen");
    }

    @Test
    void ofManyInstancesAddingOneKeyAtOnceExactlyOneGetsIt() throws Exception {
        List<JdbcMessageIdRepository> repositories = List.of(instance(), instance(), instance(), instance());

        // PostgreSQL makes the losers of the primary key race wait for the winner's commit, then refuses their
        // insert: add throws, the component fails that delivery (500) and DeepEnrich's retry finds the key seen
        List<String> outcomes = atOnce(16, i -> () -> {
            try {
                return repositories.get(i % repositories.size()).add(KEY) ? "added" : "seen";
            } catch (DuplicateKeyException e) {
                return "refused";
            }
        });

        assertEquals(1, outcomes.stream().filter("added"::equals).count(), outcomes.toString());
        assertTrue(repositories.get(0).contains(KEY));
    }
}
