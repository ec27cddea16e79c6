package com.deepenrich.camel.examples.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON shapes of {@code GET /contact/enrich/bulk/{id}} (and of the webhook body), as records.
 */
final class ResultModel {

    private ResultModel() {
    }

    record Result(String id, String name, JobStatus status, @JsonInclude(JsonInclude.Include.NON_NULL) Cost cost,
                  List<ContactData> datas) {
    }

    record Cost(long credits) {
    }

    record ContactData(Map<String, String> custom, Contact contact) {
    }

    record Contact(String firstname, String lastname, String domain,
                   String mostProbableEmail, String mostProbableEmailStatus,
                   String mostProbablePersonalEmail, String mostProbablePersonalEmailStatus,
                   String mostProbablePhone,
                   List<Email> emails, List<Email> personalEmails, List<Phone> phones, List<SocialMedia> socialMedias,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Profile profile) {

        /** A contact left unprocessed because credits ran out: every field present but empty. */
        static Contact blank() {
            return new Contact("", "", "", "", "", "", "", "", List.of(), List.of(), List.of(), List.of(), null);
        }
    }

    record Email(String email, String status) {
    }

    record Phone(String number, String region) {
    }

    record SocialMedia(String url, String type) {
    }

    record Profile(String linkedinUrl, String firstname, String lastname, String headline, String location,
                   Position position) {
    }

    record Position(String title, MonthYear startAt, MonthYear endAt, Company company) {
    }

    record MonthYear(int month, int year) {
    }

    record Company(String name, String domain, String industry, int headcount) {
    }
}
