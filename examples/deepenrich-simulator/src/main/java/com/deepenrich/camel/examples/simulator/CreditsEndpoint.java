package com.deepenrich.camel.examples.simulator;

/**
 * {@code GET /account/credits}: the balance.
 */
final class CreditsEndpoint implements Endpoint {

    record Response(long balance) {
    }

    private final CreditAccount account;

    CreditsEndpoint(CreditAccount account) {
        this.account = account;
    }

    @Override
    public Object handle(ApiRequest request) {
        return new Response(account.balance());
    }
}
