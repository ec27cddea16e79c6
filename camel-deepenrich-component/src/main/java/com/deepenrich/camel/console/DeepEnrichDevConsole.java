package com.deepenrich.camel.console;

import java.util.Map;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.client.RateLimiter;
import org.apache.camel.Endpoint;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * Camel dev console {@code deepenrich}: each endpoint's counters and pending work, and each rate limiter's queue.
 * Shown by Camel JBang ({@code camel get deepenrich}), the dev-console HTTP endpoint and Hawtio.
 */
@org.apache.camel.spi.annotations.DevConsole(name = "deepenrich", displayName = "DeepEnrich",
        description = "DeepEnrich endpoints: requests, 429s, retries, contacts, "
                      + "credits, pending work and rate limiters")
public class DeepEnrichDevConsole extends AbstractDevConsole {

    public DeepEnrichDevConsole() {
        super("camel", "deepenrich", "DeepEnrich", "DeepEnrich endpoints, pending work and rate limiters");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        JsonObject json = doCallJson(options);
        for (Object o : json.getCollection("endpoints")) {
            JsonObject e = (JsonObject) o;
            sb.append(e.getString("uri")).append('\n');
            e.forEach((key, value) -> {
                if (!"uri".equals(key)) {
                    sb.append("    ").append(key).append(": ").append(value).append('\n');
                }
            });
        }
        for (Object o : json.getCollection("rateLimiters")) {
            JsonObject l = (JsonObject) o;
            sb.append("Rate limiter ").append(l.getString("account")).append(": ").append(l.get("waiting"))
                    .append(" waiting, next turn in ").append(l.get("nextTurnInMillis")).append(" ms\n");
        }
        return sb.toString();
    }

    @Override
    protected JsonObject doCallJson(Map<String, Object> options) {
        JsonArray endpoints = new JsonArray();
        JsonArray limiters = new JsonArray();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof DeepEnrichEndpoint de) {
                endpoints.add(endpointState(de));
            }
        }
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof DeepEnrichComponent component) {
                component.rateLimiters().forEach((account, limiter) -> limiters.add(limiterState(account, limiter)));
            }
        }
        JsonObject root = new JsonObject();
        root.put("endpoints", endpoints);
        root.put("rateLimiters", limiters);
        return root;
    }

    private static JsonObject endpointState(DeepEnrichEndpoint endpoint) {
        JsonObject e = new JsonObject();
        e.put("uri", endpoint.getReadableName());
        e.put("requestsSent", endpoint.getRequestsSent());
        e.put("rateLimitedResponses", endpoint.getRateLimitedResponses());
        e.put("retries", endpoint.getRetries());
        e.put("contactsSubmitted", endpoint.getContactsSubmitted());
        e.put("contactsRejected", endpoint.getContactsRejected());
        e.put("creditsSpent", endpoint.getCreditsSpent());
        e.put("contactsDeduplicated", endpoint.getContactsDeduplicated());
        e.put("contactsReused", endpoint.getContactsReused());
        e.put("requestsAvoided", endpoint.getRequestsAvoided());
        e.put("creditsAvoided", endpoint.getCreditsAvoided());
        e.put("peopleHeld", endpoint.getPeopleHeld());
        e.put("contactsWaitingForTheirPerson", endpoint.getContactsWaitingForTheirPerson());
        e.put("contactsUnanswered", endpoint.getContactsUnanswered());
        e.put("peopleSentWithoutHold", endpoint.getPeopleSentWithoutHold());
        e.put("pendingEnrichments", endpoint.getPendingEnrichments());
        e.put("pendingBatches", endpoint.getPendingBatches());
        e.put("requestsInDoubt", endpoint.getRequestsInDoubt());
        e.put("requestsInDoubtOverdue", endpoint.getRequestsInDoubtOverdue());
        return e;
    }

    private static JsonObject limiterState(DeepEnrichComponent.LimiterKey account, RateLimiter limiter) {
        JsonObject l = new JsonObject();
        l.put("account", account.toString());
        l.put("requestsPerMinute", account.requestsPerMinute());
        l.put("waiting", limiter.getWaiting());
        l.put("nextTurnInMillis", limiter.getMillisToNextTurn());
        return l;
    }
}
