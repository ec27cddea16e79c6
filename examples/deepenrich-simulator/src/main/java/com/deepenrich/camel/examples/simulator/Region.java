package com.deepenrich.camel.examples.simulator;

import java.util.Locale;

/**
 * Country of a fake contact, guessed from the top-level domain: phone format and location.
 */
enum Region {

    GB(".uk", "+44 20 7%03d %04d", "London, England, United Kingdom"),
    FR(".fr", "+33 1 4%03d %04d", "Paris, Île-de-France, France"),
    DE(".de", "+49 30 %03d %04d", "Berlin, Germany"),
    US("", "+1 %03d-555-%04d", "New York, New York, United States");

    private final String tld;
    private final String phoneFormat;
    private final String location;

    Region(String tld, String phoneFormat, String location) {
        this.tld = tld;
        this.phoneFormat = phoneFormat;
        this.location = location;
    }

    static Region of(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        for (Region region : values()) {
            if (lower.endsWith(region.tld)) {
                return region;
            }
        }
        return US;
    }

    /** A phone number of this region from two numbers, the first in [100, 999], the second in [0, 9999]. */
    String phone(int exchange, int line) {
        return String.format(Locale.ROOT, phoneFormat, exchange, line);
    }

    String location() {
        return location;
    }
}
