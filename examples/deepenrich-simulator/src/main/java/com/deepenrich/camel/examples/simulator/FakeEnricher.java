package com.deepenrich.camel.examples.simulator;

import com.deepenrich.camel.examples.simulator.ResultModel.Company;
import com.deepenrich.camel.examples.simulator.ResultModel.Contact;
import com.deepenrich.camel.examples.simulator.ResultModel.Email;
import com.deepenrich.camel.examples.simulator.ResultModel.MonthYear;
import com.deepenrich.camel.examples.simulator.ResultModel.Phone;
import com.deepenrich.camel.examples.simulator.ResultModel.Position;
import com.deepenrich.camel.examples.simulator.ResultModel.Profile;
import com.deepenrich.camel.examples.simulator.ResultModel.SocialMedia;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic fake enrichment: the same names and domain (or company) always give the same contact.
 * About 20% of contacts are not found; phones are searched only when asked for and found for about half.
 */
final class FakeEnricher {

    private static final String DELIVERABLE = "DELIVERABLE";
    private static final String HIGH_PROBABILITY = "HIGH_PROBABILITY";
    private static final String CATCH_ALL = "CATCH_ALL";
    private static final String INVALID = "INVALID";

    private static final List<String> TITLES = List.of("Head of Sales Operations", "VP of Sales",
            "Marketing Manager", "Software Engineer", "Chief Executive Officer", "Account Executive",
            "Product Manager", "Data Analyst");
    private static final List<String> INDUSTRIES = List.of("Computer Software", "Financial Services",
            "Marketing and Advertising", "Retail", "Hospital & Health Care", "Logistics and Supply Chain");
    private static final int[] HEADCOUNTS = {12, 48, 120, 350, 1_200, 5_400};

    Contact enrich(ContactInput input) {
        String domain = input.domain().isBlank() ? slug(input.companyName()) + ".com" : input.domain().strip();
        Draws draws = new Draws(seed(input, domain));
        // every value is drawn in a fixed order whatever is asked, so a person's data never depends on enrich_fields
        boolean found = draws.chance(0.8);
        String status = emailStatus(draws.below(100));
        int pattern = draws.below(3);
        boolean extraInvalidEmail = draws.chance(0.3);
        boolean phoneFound = draws.chance(0.5);
        Region region = Region.of(domain);
        String phoneNumber = region.phone(100 + draws.below(900), draws.below(10_000));
        String title = TITLES.get(draws.below(TITLES.size()));
        MonthYear startAt = new MonthYear(1 + draws.below(12), 2012 + draws.below(13));
        Company company = new Company(input.companyName().isBlank() ? companyFrom(domain) : input.companyName(),
                domain, INDUSTRIES.get(draws.below(INDUSTRIES.size())), HEADCOUNTS[draws.below(HEADCOUNTS.length)]);
        String linkedinUrl = input.linkedinUrl().isBlank()
                ? "https://www.linkedin.com/in/" + localPart(input, 0, "-") + "-" + Long.toHexString(draws.next() & 0xffff) + "/"
                : input.linkedinUrl().strip();

        List<Email> emails = new ArrayList<>(2);
        if (found && input.wants(ContactInput.EMAILS)) {
            emails.add(new Email(localPart(input, pattern, ".") + "@" + domain.toLowerCase(Locale.ROOT), status));
            if (extraInvalidEmail) {
                emails.add(new Email(localPart(input, pattern + 1, ".") + "@" + domain.toLowerCase(Locale.ROOT), INVALID));
            }
        }
        List<Phone> phones = found && phoneFound && input.wants(ContactInput.PHONES)
                ? List.of(new Phone(phoneNumber, region.name()))
                : List.of();
        Email best = emails.isEmpty() ? new Email("", "") : emails.get(0);
        Profile profile = new Profile(linkedinUrl, input.firstname(), input.lastname(), title, region.location(),
                new Position(title, startAt, null, company));
        return new Contact(input.firstname(), input.lastname(), domain,
                best.email(), best.status(), "", "",
                phones.isEmpty() ? "" : phones.get(0).number(),
                List.copyOf(emails), List.of(), phones, List.of(new SocialMedia(linkedinUrl, "LINKEDIN")), profile);
    }

    private static String emailStatus(int percentile) {
        if (percentile < 60) {
            return DELIVERABLE;
        }
        return percentile < 85 ? HIGH_PROBABILITY : CATCH_ALL;
    }

    /** Email local part: pattern 0 first.last, 1 f.last, 2 firstlast (modulo 3). */
    private static String localPart(ContactInput input, int pattern, String separator) {
        String first = slug(input.firstname());
        String last = slug(input.lastname());
        return switch (pattern % 3) {
            case 0 -> first + separator + last;
            case 1 -> first.charAt(0) + separator + last;
            default -> first + last;
        };
    }

    private static String companyFrom(String domain) {
        String label = domain.split("\\.")[0];
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** Lower-case ASCII letters and digits only; "x" when nothing is left. */
    private static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return slug.isEmpty() ? "x" : slug;
    }

    private static long seed(ContactInput input, String domain) {
        String identity = slug(input.firstname()) + '|' + slug(input.lastname()) + '|' + domain.toLowerCase(Locale.ROOT);
        long hash = 0xcbf29ce484222325L; // FNV-1a 64
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** A splitmix64 sequence: cheap, stable across JVMs. */
    private static final class Draws {
        private long state;

        Draws(long seed) {
            this.state = seed;
        }

        long next() {
            long z = (state += 0x9e3779b97f4a7c15L);
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        int below(int bound) {
            return (int) Long.remainderUnsigned(next(), bound);
        }

        boolean chance(double probability) {
            return below(1_000_000) < probability * 1_000_000;
        }
    }
}
