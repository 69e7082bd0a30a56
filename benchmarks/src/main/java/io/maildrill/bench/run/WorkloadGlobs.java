package io.maildrill.bench.run;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns workload globs as users write them ({@code imap*}, {@code pop3RetrAll}, {@code *Envelope})
 * into the regular expression JMH matches against fully qualified benchmark names. A glob matches
 * the method name only, whole: {@code imap*} does not match {@code decodeFetchStream}.
 */
public final class WorkloadGlobs {

    private WorkloadGlobs() {
    }

    public static String toRegex(List<String> globs) {
        if (globs.isEmpty()) {
            throw new IllegalArgumentException("no workload given");
        }
        return globs.stream().map(WorkloadGlobs::one).collect(Collectors.joining("|", "^.*\\.(?:", ")$"));
    }

    static String one(String glob) {
        String g = glob.trim();
        if (g.isEmpty() || !g.matches("[A-Za-z0-9*?]+")) {
            throw new IllegalArgumentException("workload: '" + glob + "' (expected: a method name, * and ? allowed)");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : g.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> "[A-Za-z0-9]*";
                case '?' -> "[A-Za-z0-9]";
                default -> Pattern.quote(Character.toString(c));
            });
        }
        return regex.toString();
    }
}
