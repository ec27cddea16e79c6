package com.deepenrich.camel.examples.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import net.datafaker.Faker;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Makes the bundled {@code sample-contacts.csv}: 1,000 realistic CRM contacts (Datafaker, fixed seed), some with a
 * company but no domain or the reverse, some with a LinkedIn URL, a few from French, German and Spanish locales, and
 * a few deliberately invalid ones so the output shows REJECTED rows. Run {@link #main} to write it again.
 */
public final class SampleContactsGenerator {

    static final int ROWS = 1_000;
    static final String[] HEADER = {"lead_id", "first_name", "last_name", "job_title", "company", "domain",
            "linkedin_url", "city", "country"};

    /** Row number (1-based) of each invalid row, and what is made wrong in it (columns as in {@link #HEADER}). */
    static final Map<Integer, Consumer<List<String>>> INVALID_ROWS = Map.of(
            97, c -> c.set(2, ""), // no last name
            233, c -> c.set(1, ""), // no first name
            418, c -> {
                c.set(4, "");
                c.set(5, "");
            }, // neither company nor domain
            604, c -> c.set(5, "acme industries"), // a domain that is no domain name
            771, c -> c.set(6, "https://twitter.com/" + slug(c.get(1)) + slug(c.get(2))), // another site's URL
            905, c -> {
                c.set(1, "");
                c.set(2, "");
            }); // no names at all

    private static final long SEED = 20_260_101L;
    private static final Set<String> LEGAL_WORDS = Set.of("and", "sons", "llc", "inc", "group", "ltd");
    private static final String[] TLDS = {".com", ".com", ".com", ".com", ".io", ".co", ".net", ".co.uk", ".de"};

    private SampleContactsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "examples/csv-enrichment/" + JobFixtures.SAMPLE);
        Files.writeString(target, generate(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + ROWS + " contacts to " + target.toAbsolutePath());
    }

    static String generate() {
        Random random = new Random(SEED);
        Faker us = new Faker(Locale.US, random);
        List<Faker> international = List.of(new Faker(Locale.FRANCE, random), new Faker(Locale.GERMANY, random),
                new Faker(new Locale("es", "ES"), random));
        StringWriter csv = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get();
        try (CSVPrinter printer = format.print(csv)) {
            for (int row = 1; row <= ROWS; row++) {
                Faker faker = row % 10 == 0 ? international.get(row / 10 % international.size()) : us;
                List<String> contact = contact(row, faker, us, random);
                INVALID_ROWS.getOrDefault(row, c -> {}).accept(contact);
                printer.printRecord(contact);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    private static List<String> contact(int row, Faker faker, Faker us, Random random) {
        String first = faker.name().firstName();
        String last = faker.name().lastName();
        String company = us.company().name();
        String domain = domainOf(company, random);
        double shape = random.nextDouble();
        if (shape < 0.12) {
            domain = "";
        } else if (shape < 0.20) {
            company = "";
        }
        String linkedin = random.nextDouble() < 0.6
                ? "https://www.linkedin.com/in/" + slug(first) + "-" + slug(last) + "-"
                  + us.random().hex(6).toLowerCase(Locale.ROOT) + "/"
                : "";
        return new ArrayList<>(List.of(String.format(Locale.ROOT, "L-%05d", row), first, last, us.job().title(),
                company, domain, linkedin, faker.address().city(), faker.address().country()));
    }

    private static String domainOf(String company, Random random) {
        List<String> words = Arrays.stream(slug(company).split("-")).filter(w -> !LEGAL_WORDS.contains(w)).toList();
        String name = words.get(0) + (words.size() > 1 && words.get(1).length() <= 5 ? words.get(1) : "");
        return name + TLDS[random.nextInt(TLDS.length)];
    }

    private static String slug(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
