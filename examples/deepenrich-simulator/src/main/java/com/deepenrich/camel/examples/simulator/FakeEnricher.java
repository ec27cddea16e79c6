package com.deepenrich.camel.examples.simulator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.deepenrich.camel.examples.simulator.ResultModel.Company;
import com.deepenrich.camel.examples.simulator.ResultModel.Contact;
import com.deepenrich.camel.examples.simulator.ResultModel.Email;
import com.deepenrich.camel.examples.simulator.ResultModel.MonthYear;
import com.deepenrich.camel.examples.simulator.ResultModel.Phone;
import com.deepenrich.camel.examples.simulator.ResultModel.Position;
import com.deepenrich.camel.examples.simulator.ResultModel.Profile;
import com.deepenrich.camel.examples.simulator.ResultModel.SocialMedia;

/**
 * Deterministic fake enrichment: the same names and domain (or company) always give the same contact.
 * About 20% of contacts are not found (never the documentation's test contact); phones are searched only when
 * asked for and found for about half.
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
        String lowerDomain = domain.toLowerCase(Locale.ROOT);
        String first = slug(input.firstname());
        String last = slug(input.lastname());
        Draws draws = new Draws(seed(first + '|' + last + '|' + lowerDomain));
        // every value is drawn in a fixed order whatever is asked, so a person's data never depends on enrich_fields
        boolean found = draws.chance(0.8) || input.isDocumentationTestContact();
        String status = emailStatus(draws.below(100));
        int pattern = draws.below(3);
        boolean extraInvalidEmail = draws.chance(0.3);
        boolean phoneFound = draws.chance(0.5);
        Region region = Region.of(lowerDomain);
        String phoneNumber = region.phone(100 + draws.below(900), draws.below(10_000));
        String title = TITLES.get(draws.below(TITLES.size()));
        MonthYear startAt = new MonthYear(1 + draws.below(12), 2012 + draws.below(13));
        Company company = new Company(input.companyName().isBlank() ? companyFrom(lowerDomain) : input.companyName(),
                domain, INDUSTRIES.get(draws.below(INDUSTRIES.size())), HEADCOUNTS[draws.below(HEADCOUNTS.length)]);
        String linkedinUrl = input.linkedinUrl().isBlank()
                ? "https://www.linkedin.com/in/" + first + "-" + last + "-" + Long.toHexString(draws.next() & 0xffff)
                  + "/"
                : input.linkedinUrl().strip();

        List<Email> emails = new ArrayList<>(2);
        if (found && input.wants(ContactInput.EMAILS)) {
            emails.add(new Email(localPart(first, last, pattern) + "@" + lowerDomain, status));
            if (extraInvalidEmail) {
                emails.add(new Email(localPart(first, last, pattern + 1) + "@" + lowerDomain, INVALID));
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
    private static String localPart(String first, String last, int pattern) {
        return switch (pattern % 3) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + "." + last;
            default -> first + last;
        };
    }

    private static String companyFrom(String domain) {
        String label = domain.substring(0, domain.indexOf('.'));
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** Lower-case ASCII letters and digits only, accents dropped; "x" when nothing is left. */
    private static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder slug = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                slug.append(c);
            }
        }
        return slug.isEmpty() ? "x" : slug.toString();
    }

    private static long seed(String identity) {
        long hash = 0xcbf29ce484222325L; // FNV-1a 64
        for (int i = 0; i < identity.length(); i++) {
            hash = (hash ^ identity.charAt(i)) * 0x100000001b3L;
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
