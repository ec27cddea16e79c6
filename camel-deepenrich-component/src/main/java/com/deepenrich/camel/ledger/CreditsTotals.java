package com.deepenrich.camel.ledger;

/** What an account's requests hold ({@code reserved}, until their results come) and spent in one period. */
public record CreditsTotals(long reserved, long spent) {

    public static final CreditsTotals ZERO = new CreditsTotals(0, 0);
}
