package com.deepenrich.camel.examples.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/**
 * Baseline (a): the same route written by hand with camel-http and Jackson: aggregate 100 bodies, write the bulk
 * request ({@link HandWrittenBulkRequest}), POST it, read the enrichment id. No mapping, no validation, no retry, no
 * ledger. camel-http is a blocking producer, so the aggregator hands completed groups to a pool of
 * {@code concurrency} threads.
 */
public final class CamelHttpSubmit extends RouteSubmit {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public CamelHttpSubmit(String bulkUrl, int concurrency) throws Exception {
        ExecutorService senders =
                context.getExecutorServiceManager().newFixedThreadPool(this, "camel-http", concurrency);
        start(new RouteBuilder() {

            @Override
            public void configure() {
                // @formatter:off
                onException(Exception.class).process(acknowledged.failure());
                from("direct:contacts").routeId("camel-http-submit")
                        .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                        .parallelProcessing().executorService(senders)
                        .process(e -> {
                            List<?> datas = e.getMessage().getBody(List.class);
                            e.setVariable("count", datas.size());
                            e.getMessage().setBody(HandWrittenBulkRequest.write("camel-http", datas));
                        })
                        .removeHeaders("*")
                        .setHeader("Authorization", constant("Bearer " + BenchmarkMain.API_KEY))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .to(bulkUrl)
                        .process(e -> {
                            JsonNode answer = MAPPER.readTree(e.getMessage().getBody(byte[].class));
                            if (answer.path("enrichment_id").asText().isEmpty()) {
                                throw new IllegalStateException("no enrichment_id in " + answer);
                            }
                            acknowledged.add(e.getVariable("count", Integer.class));
                        });
                // @formatter:on
            }
        });
    }

    @Override
    public String name() {
        return "camel-http + Jackson";
    }
}
