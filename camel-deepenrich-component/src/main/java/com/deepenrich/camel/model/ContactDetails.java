package com.deepenrich.camel.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code contact} object of a result item: what DeepEnrich found. Fields it adds that are not named here are
 * kept in {@link #getOtherFields()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContactDetails extends ExtensibleJson {

    @JsonProperty("firstname")
    private String firstname;
    @JsonProperty("lastname")
    private String lastname;
    @JsonProperty("domain")
    private String domain;
    @JsonProperty("most_probable_email")
    private String mostProbableEmail;
    @JsonProperty("most_probable_email_status")
    private String mostProbableEmailStatus;
    @JsonProperty("most_probable_personal_email")
    private String mostProbablePersonalEmail;
    @JsonProperty("most_probable_personal_email_status")
    private String mostProbablePersonalEmailStatus;
    @JsonProperty("most_probable_phone")
    private String mostProbablePhone;
    @JsonProperty("emails")
    private List<EmailAddress> emails;
    @JsonProperty("personal_emails")
    private List<EmailAddress> personalEmails;
    @JsonProperty("phones")
    private List<PhoneNumber> phones;
    @JsonProperty("social_medias")
    private List<Map<String, Object>> socialMedias;
    @JsonProperty("profile")
    private Map<String, Object> profile;

    public String getFirstname() {
        return firstname;
    }

    public String getLastname() {
        return lastname;
    }

    public String getDomain() {
        return domain;
    }

    public String getMostProbableEmail() {
        return mostProbableEmail;
    }

    public String getMostProbableEmailStatus() {
        return mostProbableEmailStatus;
    }

    public String getMostProbablePersonalEmail() {
        return mostProbablePersonalEmail;
    }

    public String getMostProbablePersonalEmailStatus() {
        return mostProbablePersonalEmailStatus;
    }

    public String getMostProbablePhone() {
        return mostProbablePhone;
    }

    public List<EmailAddress> getEmails() {
        return emails == null ? List.of() : emails;
    }

    public List<EmailAddress> getPersonalEmails() {
        return personalEmails == null ? List.of() : personalEmails;
    }

    public List<PhoneNumber> getPhones() {
        return phones == null ? List.of() : phones;
    }

    public List<Map<String, Object>> getSocialMedias() {
        return socialMedias == null ? List.of() : socialMedias;
    }

    /** The LinkedIn profile found (headline, location, position, ...), as parsed JSON. */
    public Map<String, Object> getProfile() {
        return profile == null ? Map.of() : profile;
    }

    /** True when an email (work or personal) or a phone was found. */
    @JsonIgnore
    public boolean hasAnything() {
        return notBlank(mostProbableEmail) || notBlank(mostProbablePersonalEmail) || notBlank(mostProbablePhone)
               || !getEmails().isEmpty() || !getPersonalEmails().isEmpty() || !getPhones().isEmpty();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
