package com.deepenrich.camel.health;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.client.AccountCredits;
import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.ledger.CreditsTotals;
import com.deepenrich.camel.ledger.OverdueRequests;
import com.deepenrich.camel.ledger.PeopleRegistry;
import com.deepenrich.camel.ledger.PeopleWatch;
import com.deepenrich.camel.ledger.WireRecord;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one DeepEnrich account (API key and base URL): the API answers and accepts the key
 * (GET /account/keys/verify). One check per account, whatever the number of endpoints, and at most one call per
 * {@link #MIN_INTERVAL_MILLIS}: a readiness probe must not eat the account's 60 requests a minute. It runs on the
 * health-check thread, never on a route's, so waiting for the answer there is fine.
 */
public class DeepEnrichHealthCheck extends AbstractHealthCheck {

    static final long MIN_INTERVAL_MILLIS = 60_000;

    private final DeepEnrichClient client;
    private final AccountCredits credits;
    private final OverdueRequests overdue;
    private final PeopleWatch people;
    private long lastCallNanos;
    private boolean lastUp;
    private Map<String, Object> lastDetails = Map.of();
    private Throwable lastError;

    /**
     * {@code credits}: the account's budget and 402 memory; {@code overdue} and {@code people}: the requests in doubt
     * and the people store of the ledger of the account's first endpoint; all shown in the details.
     */
    public DeepEnrichHealthCheck(String id, DeepEnrichClient client, AccountCredits credits, OverdueRequests overdue,
                                 PeopleWatch people) {
        super("camel", id);
        this.client = client;
        this.credits = credits;
        this.overdue = overdue;
        this.people = people;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long now = System.nanoTime();
        if (lastCallNanos == 0 || now - lastCallNanos >= TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS)) {
            verify();
            lastCallNanos = now;
        }
        builder.detail("baseUrl", client.settings().baseUrl().toString());
        builder.details(lastDetails);
        CreditsTotals totals = credits.totals();
        builder.detail("creditsReserved", totals.reserved());
        builder.detail("creditsSpent", totals.spent());
        builder.detail("outOfCredits", credits.isExhausted());
        builder.detail("requestsInDoubt", overdue.inDoubt());
        List<WireRecord> late = overdue.overdue();
        builder.detail("requestsInDoubtOverdue", late.size());
        if (!late.isEmpty()) {
            builder.detail("requestsInDoubtOverdueNames", late.stream().map(WireRecord::name).toList());
        }
        PeopleRegistry.Counts held = people.counts();
        builder.detail("peopleHeld", held.held());
        builder.detail("contactsWaitingForTheirPerson", held.waiting());
        builder.detail("contactsUnanswered", people.getUnanswered());
        builder.detail("peopleSentWithoutHold", people.getUnheld());
        if (credits.budget() > 0) {
            builder.detail("creditsBudget", credits.budget());
        }
        if (lastUp) {
            builder.up();
        } else {
            builder.down().error(lastError).message(lastError == null ? null : lastError.getMessage());
        }
    }

    private void verify() {
        long timeout = client.settings().requestTimeout().toMillis() + 1000;
        try {
            String workspace = client.verifyKey().get(timeout, TimeUnit.MILLISECONDS);
            lastUp = true;
            lastError = null;
            lastDetails = Map.of("workspaceId", workspace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastUp = false;
            lastError = e;
            lastDetails = Map.of();
        } catch (Exception e) {
            Throwable cause = Futures.unwrap(e);
            lastUp = false;
            lastError = cause;
            lastDetails = cause instanceof DeepEnrichException de
                    ? Map.of("code", String.valueOf(de.getCode()), "httpStatus", de.getHttpStatus()) : Map.of();
        }
    }
}
