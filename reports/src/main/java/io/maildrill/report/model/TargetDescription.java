package io.maildrill.report.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The server(s) under test as shown in reports, for example {@code "GreenMail 2.1.13 (embedded)"} with
 * endpoints {@code ["pop3://127.0.0.1:3110", "imaps://127.0.0.1:3993"]}, and facts about it that
 * explain verdicts: the greetings, the capability lists before and after login (a skip names a
 * capability; the reader must see which list lacked it), protocols the target does not have.
 * Reports are shared in CI logs and pull requests, so an endpoint carrying user information
 * ({@code user:secret@host}) is rejected.
 */
public record TargetDescription(String description, List<String> endpoints, List<String> facts) {

    public TargetDescription(String description, List<String> endpoints) {
        this(description, endpoints, List.of());
    }


    private static final Pattern USER_INFO = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*@");

    public TargetDescription {
        Checks.nonBlank(description, "description");
        endpoints = Checks.list(endpoints, "endpoints");
        facts = Checks.list(facts, "facts");
        for (String endpoint : endpoints) {
            if (USER_INFO.matcher(endpoint).find()) {
                throw new IllegalArgumentException("endpoints: user information is not allowed in a report ("
                        + endpoint.substring(0, endpoint.indexOf("://") + 3) + "...@...)");
            }
        }
    }
}
