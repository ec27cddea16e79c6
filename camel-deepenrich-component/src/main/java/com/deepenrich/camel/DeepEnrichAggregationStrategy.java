package com.deepenrich.camel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.producer.ContactReader;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/**
 * Collects contacts into groups for {@code deepenrich:bulk}. Each incoming body may be anything {@code bulk} accepts
 * (a {@link Contact}, a {@code Map}, a list or array of them, JSON); its contacts are appended to an
 * {@link ArrayList} held in the aggregated body. Only JDK types are kept (a Contact becomes its map in the API's
 * field names), so a persistent repository such as camel-sql's {@code JdbcAggregationRepository} can store a
 * half-full group and give it back after a restart.
 * <p>
 * The group is completed once it holds {@value BulkRequest#MAX_CONTACTS} contacts, however many messages brought
 * them: use it with {@code completionSize(100)} and a {@code completionTimeout} for the last, smaller group.
 */
public class DeepEnrichAggregationStrategy implements AggregationStrategy {

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
