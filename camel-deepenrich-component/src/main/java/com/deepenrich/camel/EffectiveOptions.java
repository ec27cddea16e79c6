package com.deepenrich.camel;

/**
 * The one line an endpoint logs when it starts: the safety nets and limits that took effect, so that a value that
 * switched one off (0) is seen at once.
 */
final class EffectiveOptions {

    private EffectiveOptions() {
    }

    static String describe(DeepEnrichEndpoint endpoint) {
        DeepEnrichConfiguration cfg = endpoint.getConfiguration();
        DeepEnrichComponent component = endpoint.getComponent();
        StringBuilder line = new StringBuilder()
                .append("maxRetries=").append(cfg.getMaxRetries() == 0 ? "0 (no retry)" : cfg.getMaxRetries())
                .append(" (retryDelay=").append(cfg.getRetryDelay()).append(" ms, maxRetryDelay=")
                .append(cfg.getMaxRetryDelay()).append(" ms), requestsPerMinute=")
                .append(cfg.getRequestsPerMinute() == 0 ? "0 (no limit)" : cfg.getRequestsPerMinute())
                .append(", maxConcurrentRequests=").append(component.getMaxConcurrentRequests())
                .append(", maxPendingBatches=")
                .append(component.getMaxPendingBatches() == 0 ? "0 (no bound)" : component.getMaxPendingBatches());
        if (cfg.getOperation() == DeepEnrichOperation.results) {
            line.append(", pollFallbackAfter=").append(millis(cfg.getPollFallbackAfter()))
                    .append(", staleAfter=").append(millis(cfg.getStaleAfter()));
        } else {
            line.append(", fingerprintWindow=").append(millis(cfg.getFingerprintWindow()))
                    .append(", deduplicatePeople=").append(cfg.isDeduplicatePeople());
        }
        line.append(", ledger=").append(endpoint.getLedger().getClass().getSimpleName()).append(", transport: ")
                .append(cfg.getHttpClient() != null ? "own HttpClient" : component.transport(cfg).describe());
        return line.toString();
    }

    private static String millis(long value) {
        return value == 0 ? "0 (off)" : value + " ms";
    }
}
