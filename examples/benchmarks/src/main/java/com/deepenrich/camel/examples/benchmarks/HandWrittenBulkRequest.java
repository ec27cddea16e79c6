package com.deepenrich.camel.examples.benchmarks;

import java.util.List;
import java.util.Map;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of POST /contact/enrich/bulk as a hand-written integration writes it with Jackson: {@code name} and
 * {@code datas}, each contact given its {@code enrich_fields}, which the API needs per contact (without them nothing
 * is enriched). The fields are the component's default, so that the baselines send what ours sends.
 */
final class HandWrittenBulkRequest {

    static final List<String> ENRICH_FIELDS = new DeepEnrichConfiguration().enrichFieldList();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HandWrittenBulkRequest() {
    }

    /** {@code contacts}: maps in the API's field names, each given {@link #ENRICH_FIELDS} here. */
    @SuppressWarnings("unchecked")
    static byte[] write(String name, List<?> contacts) throws JsonProcessingException {
        for (Object contact : contacts) {
            ((Map<String, Object>) contact).put("enrich_fields", ENRICH_FIELDS);
        }
        return MAPPER.writeValueAsBytes(Map.of("name", name, "datas", contacts));
    }
}
