package com.deepenrich.camel.examples.simulator;

import java.io.InputStream;

/**
 * An authenticated request as the endpoints see it.
 *
 * @param pathParameter the {id} of the path, or "" for routes without one
 * @param rawQuery      the raw query string, or null
 */
record ApiRequest(String apiKey, String pathParameter, String rawQuery, InputStream body) {

    /** True when the query holds {@code name=true} (value in any case). */
    boolean flag(String name) {
        if (rawQuery == null) {
            return false;
        }
        String prefix = name + "=";
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith(prefix) && parameter.substring(prefix.length()).equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }
}
