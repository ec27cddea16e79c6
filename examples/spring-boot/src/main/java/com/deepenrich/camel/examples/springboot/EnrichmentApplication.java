package com.deepenrich.camel.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Contacts in over HTTP ({@code POST /contacts}), enriched contacts back by webhook, all configured in
 * application.properties. Without {@code DEEPENRICH_API_KEY} it runs the {@code offline} profile: an embedded
 * DeepEnrich simulator stands in for the API.
 */
@SpringBootApplication
public class EnrichmentApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(EnrichmentApplication.class);
        if (System.getenv("DEEPENRICH_API_KEY") == null) {
            application.setAdditionalProfiles(OfflineSimulator.PROFILE);
        }
        application.run(args);
    }
}
