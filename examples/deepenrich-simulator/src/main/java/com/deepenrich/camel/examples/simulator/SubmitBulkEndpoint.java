package com.deepenrich.camel.examples.simulator;

/**
 * {@code POST /contact/enrich/bulk}: validates the request and creates a job.
 */
final class SubmitBulkEndpoint implements Endpoint {

    record Response(String enrichmentId) {
    }

    private final JobProcessor processor;
    private final ContactHistory history;
    private final SimulatorStats stats;

    SubmitBulkEndpoint(JobProcessor processor, ContactHistory history, SimulatorStats stats) {
        this.processor = processor;
        this.history = history;
        this.stats = stats;
    }

    @Override
    public Object handle(ApiRequest request) throws ApiException {
        BulkRequest bulk = BulkRequestParser.parse(request.body());
        int duplicates = 0;
        for (ContactInput contact : bulk.contacts()) {
            if (!history.recordSubmission(contact)) {
                duplicates++;
            }
        }
        stats.countSubmission(bulk.contacts().size(), duplicates);
        return new Response(processor.submit(bulk).id());
    }
}
