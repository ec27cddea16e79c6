package com.deepenrich.camel;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * Sending the next request would let this account's submissions commit more than {@code creditsBudget}: it is not
 * sent, and the contacts not submitted are on the exception, in order, as after a 402. A subclass of the 402's
 * exception, so a route that handles running out of credits handles this too; {@code code} is
 * {@code credits.budget}.
 */
public class DeepEnrichCreditsBudgetException extends DeepEnrichInsufficientCreditsException {

    private final long budget;
    private final long spent;
    private final long reserved;

    public DeepEnrichCreditsBudgetException(long budget, long spent, long reserved, long needed, String requestName) {
        super("credits.budget", "the next request may cost up to " + needed + " credits, over the budget of " + budget
                                + " (" + spent + " spent, " + reserved + " reserved for requests still running)",
                0, requestName, null);
        this.budget = budget;
        this.spent = spent;
        this.reserved = reserved;
    }

    public long getBudget() {
        return budget;
    }

    public long getSpent() {
        return spent;
    }

    public long getReserved() {
        return reserved;
    }

    protected DeepEnrichCreditsBudgetException(DeepEnrichCreditsBudgetException failure, SubmissionProgress progress) {
        super(failure, progress);
        this.budget = failure.budget;
        this.spent = failure.spent;
        this.reserved = failure.reserved;
    }

    @Override
    public DeepEnrichCreditsBudgetException withProgress(SubmissionProgress progress) {
        return new DeepEnrichCreditsBudgetException(this, progress);
    }
}
