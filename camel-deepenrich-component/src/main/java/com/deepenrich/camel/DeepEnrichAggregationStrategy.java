package com.deepenrich.camel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.producer.ContactReader;
import com.deepenrich.camel.producer.PendingBatches;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Collects contacts into groups for {@code deepenrich:bulk}. Each incoming body may be anything {@code bulk} accepts
 * (a {@link Contact}, a {@code Map}, a list or array of them, JSON); its contacts are appended to an
 * {@link ArrayList} held in the aggregated body. Only JDK types are kept (a Contact becomes its map in the API's
 * field names), so a persistent repository such as camel-sql's {@code JdbcAggregationRepository} can store a
 * half-full group and give it back after a restart.
 * <p>
 * The group is completed once it holds {@value BulkRequest#MAX_CONTACTS} contacts, however many messages brought
 * them: use it with {@code completionSize(100)} and a {@code completionTimeout} for the last, smaller group.
 * <p>
 * Back-pressure: when a group is complete, the thread that completed it (the source's own: the caller of
 * {@code sendBody}, the file splitter, the Kafka poll loop, a seda consumer) waits while the {@code deepenrich}
 * component already holds {@code maxPendingBatches} groups the API has not answered, outside the aggregator's lock.
 * Groups completed by the completion timeout, an interval or a forced completion (stop) never wait: they are
 * counted and sent. So the contacts in memory stay bounded whatever the source's size and the rate limit.
 */
public class DeepEnrichAggregationStrategy implements AggregationStrategy, CamelContextAware {

    private static final Set<String> COMPLETED_OFF_THE_SOURCE_THREAD = Set.of("timeout", "interval", "force");

    private CamelContext camelContext;
    private String componentName = "deepenrich";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange group = oldExchange != null ? oldExchange : newExchange;
        List<Object> contacts = contactsOf(oldExchange);
        for (Object item : ContactReader.read(newExchange.getMessage())) {
            contacts.add(storable(item));
        }
        group.getMessage().setBody(contacts);
        if (contacts.size() >= BulkRequest.MAX_CONTACTS) {
            group.setProperty(ExchangePropertyKey.AGGREGATION_COMPLETE_CURRENT_GROUP, true);
        }
        return group;
    }

    /** Admits the completed group to the component, waiting for room when the source's thread completed it. */
    @Override
    public void onCompletion(Exchange group) {
        if (camelContext == null) {
            return; // used outside a route: no component to hold back for
        }
        PendingBatches gate = camelContext.getComponent(componentName, DeepEnrichComponent.class).pendingBatches();
        String completedBy = group.getProperty(ExchangePropertyKey.AGGREGATED_COMPLETED_BY, String.class);
        boolean sourceThread = !COMPLETED_OFF_THE_SOURCE_THREAD.contains(completedBy);
        PendingBatches.Admission admission = gate.admit(sourceThread);
        group.setProperty(PendingBatches.ADMISSION, admission);
        // a group that never reaches the API (the route fails or filters it) gives its room back when it ends
        group.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {

            @Override
            public void onDone(Exchange exchange) {
                admission.release();
            }
        });
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /** The name under which the deepenrich component is registered, when not {@code deepenrich}. */
    public void setComponentName(String componentName) {
        this.componentName = componentName;
    }

    /** The group's list, appended to in place (copying it for every contact made a group of 100 cost 5,050 copies). */
    @SuppressWarnings("unchecked")
    private static List<Object> contactsOf(Exchange group) {
        if (group == null) {
            return new ArrayList<>(BulkRequest.MAX_CONTACTS);
        }
        Object body = group.getMessage().getBody();
        return body instanceof ArrayList<?> list
                ? (List<Object>) list : new ArrayList<>(group.getMessage().getBody(List.class));
    }

    private static Object storable(Object item) {
        if (item instanceof Contact contact) {
            return DeepEnrichJson.toMap(contact);
        }
        if (item instanceof Map<?, ?> map) {
            return map.getClass() == LinkedHashMap.class || map.getClass() == HashMap.class
                    ? map : new LinkedHashMap<>(map);
        }
        return item;
    }
}
