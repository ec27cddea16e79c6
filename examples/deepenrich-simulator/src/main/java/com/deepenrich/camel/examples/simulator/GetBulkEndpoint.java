package com.deepenrich.camel.examples.simulator;

/**
 * {@code GET /contact/enrich/bulk/{id}[?forceResults=true]}: the job's result document, or while it runs either
 * its status or (when configured) 400 error.enrichment.in_progress.
 */
final class GetBulkEndpoint implements Endpoint {

    private final JobProcessor processor;
    private final ResultRenderer renderer;
    private final boolean inProgressAs400;

    GetBulkEndpoint(JobProcessor processor, ResultRenderer renderer, boolean inProgressAs400) {
        this.processor = processor;
        this.renderer = renderer;
        this.inProgressAs400 = inProgressAs400;
    }

    @Override
    public Object handle(ApiRequest request) throws ApiException {
        Job job = processor.find(request.pathParameter()).orElseThrow(ApiError.NOT_FOUND::exception);
        long now = System.nanoTime();
        boolean forceResults = request.flag("forceResults");
        if (inProgressAs400 && !forceResults && !job.status(now).isFinal()) {
            throw ApiError.IN_PROGRESS.exception();
        }
        return renderer.render(job, now, forceResults);
    }
}
