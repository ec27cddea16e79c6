package com.deepenrich.camel.examples.simulator;

import java.util.Random;

/**
 * Seeded random faults: per request a 500, a 429 or a connection reset; per delivered webhook a duplicate.
 */
final class FaultInjector {

    enum Fault { NONE, SERVER_ERROR, RATE_LIMIT, CONNECTION_RESET }

    private final Random random;
    private final double serverErrorRate;
    private final double rateLimitErrorRate;
    private final double connectionResetRate;
    private final double duplicateWebhookRate;

    FaultInjector(SimulatorConfig config) {
        this.random = new Random(config.seed());
        this.serverErrorRate = config.serverErrorRate();
        this.rateLimitErrorRate = config.rateLimitErrorRate();
        this.connectionResetRate = config.connectionResetRate();
        this.duplicateWebhookRate = config.duplicateWebhookRate();
    }

    Fault nextRequestFault() {
        if (serverErrorRate + rateLimitErrorRate + connectionResetRate == 0.0) {
            return Fault.NONE;
        }
        double roll = random.nextDouble();
        if (roll < serverErrorRate) {
            return Fault.SERVER_ERROR;
        }
        if (roll < serverErrorRate + rateLimitErrorRate) {
            return Fault.RATE_LIMIT;
        }
        return roll < serverErrorRate + rateLimitErrorRate + connectionResetRate ? Fault.CONNECTION_RESET : Fault.NONE;
    }

    boolean duplicateWebhook() {
        return duplicateWebhookRate > 0.0 && random.nextDouble() < duplicateWebhookRate;
    }
}
