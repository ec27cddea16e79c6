package com.deepenrich.camel.producer;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ContactValidator#isHostname} accepts exactly what the regex it replaced (for speed) accepted, on edge cases
 * and on random strings over the characters that matter.
 */
class HostnameCheckTest {

    /** The rule as it was written before: the reference. */
    private static final Pattern REFERENCE = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    @Test
    void edgeCasesAsTheRegex() {
        String label63 = "a".repeat(63);
        List<String> cases = List.of("", "a", "com", "acme.com", "a.co", "a.c", "a.c1", "a.1c", "1.co", "-a.com",
                "a-.com", "a-b.com", "a--b.com", "a.b.c.de", "a..com", ".com", "acme.com.", "acme.-om", "acme.co-",
                "acme.c-m", "ACME.com", "acme.com/x", "acme com", "x_y.com", "xn--bcher-kva.de", "acme.com\n",
                label63 + ".com", "a" + label63 + ".com", "acme." + label63, "acme.a" + label63,
                (label63 + ".").repeat(3) + "a".repeat(61), (label63 + ".").repeat(3) + "a".repeat(62));
        for (String d : cases) {
            assertEquals(REFERENCE.matcher(d).matches(), ContactValidator.isHostname(d), "'" + d + "'");
        }
    }

    @Test
    void randomStringsAsTheRegex() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'z', 'q', '0', '9', '-', '.', 'A', '_'};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder d = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                d.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = d.toString();
            assertEquals(REFERENCE.matcher(s).matches(), ContactValidator.isHostname(s), "'" + s + "'");
        }
    }
}
