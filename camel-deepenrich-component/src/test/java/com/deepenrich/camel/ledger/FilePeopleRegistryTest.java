package com.deepenrich.camel.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.RequestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The file ledger's people store: the JDBC one on its H2 file. */
class FilePeopleRegistryTest extends PeopleRegistryContract {

    @TempDir
    Path dir;

    @RegisterExtension
    final FileLedgers files = new FileLedgers();

    private PeopleRegistry people;

    @Override
    PeopleRegistry people() {
        people = files.open(dir).people();
        return people;
    }

    /** One process: the same store. */
    @Override
    PeopleRegistry another() {
        return people;
    }

    @Test
    void aRestartFindsTheHoldsOfAcceptedRequestsTheirWaitingContactsAndTheStoredResults() {
        FileDeepEnrichLedger before = files.open(dir);
        enter(before.people(), "A", entrant("ann"), entrant("bob"), entrant("dan"));
        before.people().assign("A", "k1", List.of(held("ann", 2)), KEEP);
        before.people().assign("A", "k2", List.of(held("dan", 0)), KEEP);
        before.record(new PendingEnrichment("id-1", RequestNames.named("leads", "k1"), T0, 1));
        enter(before.people(), "B", entrant("ann", waiting("b0", "ann")));
        before.people().keep(List.of(found("cid", "{\"n\":1}", T0)));
        before.stop();

        PeopleRegistry after = files.open(dir).people();

        assertEquals(List.of(new PersonHold("ann", "A", "k1", 2, Map.of("row", "r2"), KEEP, LATER)), after.holds(),
                "bob's hold pointed at no request, dan's at one DeepEnrich did not accept: the process that would "
                                                                                                                    + "have sent them is gone");
        assertEquals(List.of(waiting("b0", "ann")), after.answer("k1").get(0).waiting());
        assertEquals(found("cid", "{\"n\":1}", T0), after.storedResult("cid", T0).orElseThrow());
    }
}
