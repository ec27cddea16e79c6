package com.deepenrich.camel.examples.simulator;

import java.util.Random;

/**
 * Seeded random faults: per request a 500, a 429, a connection reset before handling or an answer lost after it;
 * per delivered webhook a duplicate.
 */
final class FaultInjector {

    enum Fault {
        NONE, SERVER_ERROR, RATE_LIMIT, CONNECTION_RESET, ANSWER_LOST
    }

    private final Random random;
    private final double serverErrorRate;
    private final double rateLimitErrorRate;
    private final double connectionResetRate;
    private final double answerLostRate;
    private final double duplicateWebhookRate;

    FaultInjector(SimulatorConfig config) {
        this.random = new Random(config.seed());
        this.serverErrorRate = config.serverErrorRate();
        this.rateLimitErrorRate = config.rateLimitErrorRate();
        this.connectionResetRate = config.connectionResetRate();
        this.answerLostRate = config.answerLostRate();
        this.duplicateWebhookRate = config.duplicateWebhookRate();
    }

    Fault nextRequestFault() {
        if (serverErrorRate + rateLimitErrorRate + connectionResetRate + answerLostRate == 0.0) {
            return Fault.NONE;
        }
        double roll = random.nextDouble();
        if (roll < serverErrorRate) {
            return Fault.SERVER_ERROR;
        }
        if (roll < serverErrorRate + rateLimitErrorRate) {
            return Fault.RATE_LIMIT;
        }
        double resets = serverErrorRate + rateLimitErrorRate + connectionResetRate;
        if (roll < resets) {
            return Fault.CONNECTION_RESET;
        }
        return roll < resets + answerLostRate ? Fault.ANSWER_LOST : Fault.NONE;
    }

    boolean duplicateWebhook() {
        return duplicateWebhookRate > 0.0 && random.nextDouble() < duplicateWebhookRate;
    }
}
