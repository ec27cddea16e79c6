package com.deepenrich.camel;

import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.Exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The accounting every receipt must keep: each contact received is submitted or rejected, once. */
final class Receipts {

    private Receipts() {
    }

    /** The receipt in the body of a {@code bulk} exchange, checked with {@link #assertAccountsFor}. */
    static SubmissionReceipt receiptOf(Exchange out, int received) {
        SubmissionReceipt receipt = assertInstanceOf(SubmissionReceipt.class, out.getMessage().getBody());
        assertAccountsFor(received, receipt);
        return receipt;
    }

    /** {@code submitted + rejected = received}, with one rejection per rejected contact. */
    static void assertAccountsFor(int received, SubmissionReceipt receipt) {
        assertEquals(received, receipt.getReceived(), "received: " + receipt);
        assertEquals(receipt.getReceived(), receipt.getSubmitted() + receipt.getRejections().size(),
                "submitted + rejected = received: " + receipt);
        assertEquals(receipt.getRejections().size(),
                receipt.getRejections().stream().mapToInt(Rejection::getIndex).distinct().count(),
                "one rejection per contact: " + receipt.getRejections());
    }
}
