package com.deepenrich.camel;

/** What a {@code deepenrich:} endpoint does. */
public enum DeepEnrichOperation {
    bulk,
    getResult,
    getCredits,
    verifyKey,
    results
}
