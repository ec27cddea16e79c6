package com.deepenrich.camel;

/** What {@code bulk} does with contacts the API would refuse. */
public enum InvalidContactsPolicy {
    /** Fail the exchange naming each bad contact; send nothing. */
    fail,
    /** Send the valid contacts; list the refused ones in header CamelDeepEnrichRejected and in the receipt. */
    skip
}
