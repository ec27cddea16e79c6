package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable configuration of a {@link DeepEnrichSimulator}; create it with {@link #builder()}.
 */
public final class SimulatorConfig {

    private final int port;
    private final Set<String> apiKeys;
    private final Duration processingLatency;
    private final long credits;
    private final int requestsPerMinute;
    private final Duration rateWindow;
    private final Duration webhookRetryInterval;
    private final int webhookMaxRetries;
    private final boolean webhookLoopbackOnly;
    private final boolean inProgressAs400;
    private final boolean freeReenrichment;
    private final double serverErrorRate;
    private final double rateLimitErrorRate;
    private final double connectionResetRate;
    private final double answerLostRate;
    private final Duration responseLatency;
    private final double duplicateWebhookRate;
    private final long seed;

    private SimulatorConfig(Builder b) {
        this.port = b.port;
        this.apiKeys = Set.copyOf(b.apiKeys);
        this.processingLatency = b.processingLatency;
        this.credits = b.credits;
        this.requestsPerMinute = b.requestsPerMinute;
        this.rateWindow = b.rateWindow;
        this.webhookRetryInterval = b.webhookRetryInterval;
        this.webhookMaxRetries = b.webhookMaxRetries;
        this.webhookLoopbackOnly = b.webhookLoopbackOnly;
        this.inProgressAs400 = b.inProgressAs400;
        this.freeReenrichment = b.freeReenrichment;
        this.serverErrorRate = b.serverErrorRate;
        this.rateLimitErrorRate = b.rateLimitErrorRate;
        this.connectionResetRate = b.connectionResetRate;
        this.answerLostRate = b.answerLostRate;
        this.responseLatency = b.responseLatency;
        this.duplicateWebhookRate = b.duplicateWebhookRate;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    public Set<String> apiKeys() {
        return apiKeys;
    }

    public Duration processingLatency() {
        return processingLatency;
    }

    public long credits() {
        return credits;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    public Duration rateWindow() {
        return rateWindow;
    }

    public Duration webhookRetryInterval() {
        return webhookRetryInterval;
    }

    public int webhookMaxRetries() {
        return webhookMaxRetries;
    }

    public boolean webhookLoopbackOnly() {
        return webhookLoopbackOnly;
    }

    public boolean inProgressAs400() {
        return inProgressAs400;
    }

    public boolean freeReenrichment() {
        return freeReenrichment;
    }

    public double serverErrorRate() {
        return serverErrorRate;
    }

    public double rateLimitErrorRate() {
        return rateLimitErrorRate;
    }

    public double connectionResetRate() {
        return connectionResetRate;
    }

    public double answerLostRate() {
        return answerLostRate;
    }

    public Duration responseLatency() {
        return responseLatency;
    }

    public double duplicateWebhookRate() {
        return duplicateWebhookRate;
    }

    public long seed() {
        return seed;
    }

    public static final class Builder {

        private int port = 0;
        private Set<String> apiKeys = Set.of("sim-key");
        private Duration processingLatency = Duration.ofMillis(500);
        private long credits = 1_000_000;
        private int requestsPerMinute = 60;
        private Duration rateWindow = Duration.ofMinutes(1);
        private Duration webhookRetryInterval = Duration.ofMinutes(1);
        private int webhookMaxRetries = 5;
        private boolean webhookLoopbackOnly = true;
        private boolean inProgressAs400 = false;
        private boolean freeReenrichment = true;
        private double serverErrorRate = 0.0;
        private double rateLimitErrorRate = 0.0;
        private double connectionResetRate = 0.0;
        private double answerLostRate = 0.0;
        private Duration responseLatency = Duration.ZERO;
        private double duplicateWebhookRate = 0.0;
        private long seed = 42L;

        private Builder() {
        }

        /** TCP port on 127.0.0.1; 0 picks a free ephemeral port (default 0). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Accepted API keys, sent as {@code Authorization: Bearer <key>} (default {@code sim-key}). */
        public Builder apiKeys(Set<String> apiKeys) {
            if (apiKeys.isEmpty()) {
                throw new IllegalArgumentException("at least one api key is needed");
            }
            this.apiKeys = apiKeys;
            return this;
        }

        /** Time from submission to the final status; IN_PROGRESS starts at half of it (default 500 ms). */
        public Builder processingLatency(Duration processingLatency) {
            this.processingLatency = nonNegative(processingLatency, "processingLatency");
            return this;
        }

        /** Starting credit balance (default 1,000,000). */
        public Builder credits(long credits) {
            this.credits = nonNegative(credits, "credits");
            return this;
        }

        /** Requests allowed per API key and {@link #rateWindow(Duration)}, all endpoints; 0 = unlimited (default 60). */
        public Builder requestsPerMinute(int requestsPerMinute) {
            this.requestsPerMinute = (int) nonNegative(requestsPerMinute, "requestsPerMinute");
            return this;
        }

        /** Length of the sliding rate-limit window (default 1 minute; shorten it in tests). */
        public Builder rateWindow(Duration rateWindow) {
            if (rateWindow.isZero() || rateWindow.isNegative()) {
                throw new IllegalArgumentException("rateWindow must be positive");
            }
            this.rateWindow = rateWindow;
            return this;
        }

        /** Delay between two attempts of a failed webhook delivery (default 1 minute). */
        public Builder webhookRetryInterval(Duration webhookRetryInterval) {
            this.webhookRetryInterval = nonNegative(webhookRetryInterval, "webhookRetryInterval");
            return this;
        }

        /** Retries after the first failed webhook attempt before giving up (default 5). */
        public Builder webhookMaxRetries(int webhookMaxRetries) {
            this.webhookMaxRetries = (int) nonNegative(webhookMaxRetries, "webhookMaxRetries");
            return this;
        }

        /**
         * When true, webhooks are only sent to localhost and loopback addresses; others are skipped and counted
         * (default true, so a request such as the documentation's, with {@code https://example.com/webhook}, never
         * leaves the machine).
         */
        public Builder webhookLoopbackOnly(boolean webhookLoopbackOnly) {
            this.webhookLoopbackOnly = webhookLoopbackOnly;
            return this;
        }

        /** When true, GET on an unfinished job answers 400 error.enrichment.in_progress (default false). */
        public Builder inProgressAs400(boolean inProgressAs400) {
            this.inProgressAs400 = inProgressAs400;
            return this;
        }

        /**
         * Documented credit rule: a contact identical to one enriched by a job that finished before this job was
         * submitted costs nothing (default true; false charges every found email and phone).
         */
        public Builder freeReenrichment(boolean freeReenrichment) {
            this.freeReenrichment = freeReenrichment;
            return this;
        }

        /** Probability that a request answers 500 before reaching its handler (default 0). */
        public Builder serverErrorRate(double serverErrorRate) {
            this.serverErrorRate = probability(serverErrorRate, "serverErrorRate");
            return this;
        }

        /** Probability that a request answers 429 before reaching its handler (default 0). */
        public Builder rateLimitErrorRate(double rateLimitErrorRate) {
            this.rateLimitErrorRate = probability(rateLimitErrorRate, "rateLimitErrorRate");
            return this;
        }

        /** Probability that a request's connection is closed without any response (default 0). */
        public Builder connectionResetRate(double connectionResetRate) {
            this.connectionResetRate = probability(connectionResetRate, "connectionResetRate");
            return this;
        }

        /**
         * Probability that a request is handled (a bulk request becomes a job) and its connection then closed
         * without any response: the client cannot tell it from a reset before handling (default 0).
         */
        public Builder answerLostRate(double answerLostRate) {
            this.answerLostRate = probability(answerLostRate, "answerLostRate");
            return this;
        }

        /** Delay added before every response (default zero). */
        public Builder responseLatency(Duration responseLatency) {
            this.responseLatency = nonNegative(responseLatency, "responseLatency");
            return this;
        }

        /** Probability that a successfully delivered webhook is delivered once more (default 0). */
        public Builder duplicateWebhookRate(double duplicateWebhookRate) {
            this.duplicateWebhookRate = probability(duplicateWebhookRate, "duplicateWebhookRate");
            return this;
        }

        /** Seed of the fault-injection random generator (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SimulatorConfig build() {
            if (serverErrorRate + rateLimitErrorRate + connectionResetRate + answerLostRate > 1.0) {
                throw new IllegalArgumentException("the four fault rates add up to more than 1");
            }
            return new SimulatorConfig(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            if (Objects.requireNonNull(value, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }

        private static long nonNegative(long value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }

        private static double probability(double value, String name) {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1");
            }
            return value;
        }
    }
}
