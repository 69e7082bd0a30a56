package io.maildrill.report.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Load reports for the writer's tests: a short failed run whose violation examples and error names carry hostile
 * server bytes (markup, an escape sequence, NUL), and variants with no timeline or a long one.
 */
final class SampleLoadReports {

    /** As the oracle words a violation: the rule's name first, then where, the server's bytes, the expectation. */
    static final String HOSTILE = "size-matches-body (I53, RFC 3501 §2.3.4) in session A3, during FETCH 1:*: the server sent \"* 3 FETCH (RFC822.SIZE 10 ENVELOPE (\"<script>alert('x')</script>\""
            + " & \u001B[31mred\u0000))\" expected RFC822.SIZE 12";
    static final long START = 1_796_409_576_000L;

    private SampleLoadReports() {
    }

    /** 30 seconds; STORE starts only at second 10; 5 violations of one rule (3 kept) and 3 errors. */
    static LoadReport failed() {
        return report(timeline(30), 3, 5);
    }

    static LoadReport passed() {
        return report(timeline(30), 0, 0);
    }

    static LoadReport withoutTimeline() {
        return report(List.of(), 3, 5);
    }

    /** 600 points of 2 s each, as a 20-minute run is thinned to. */
    static LoadReport longRun() {
        List<LoadReport.Point> points = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            long from = START + i * 2000L;
            points.add(new LoadReport.Point(from, from + 2000, 40, 0, 0,
                    List.of(new LoadReport.KindPoint("FETCH", 80 + i % 7, 2.5, 9.0 + i % 5))));
        }
        return report(points, 0, 0);
    }

    private static List<LoadReport.Point> timeline(int seconds) {
        List<LoadReport.Point> points = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            long from = START + i * 1000L;
            List<LoadReport.KindPoint> kinds = new ArrayList<>(List.of(
                    new LoadReport.KindPoint("LOGIN", 10 + i % 3, 0.4, 2.0),
                    new LoadReport.KindPoint("FETCH", 50 + 2 * i, 3.0 + i / 10.0, 12.0 + i % 4),
                    new LoadReport.KindPoint("NOOP", i % 5 == 0 ? 0 : 20, i % 5 == 0 ? 0 : 0.2, i % 5 == 0 ? 0 : 1.1)));
            if (i >= 10) {
                kinds.add(new LoadReport.KindPoint("STORE", 8, 1.5, 6.0));
            }
            points.add(new LoadReport.Point(from, from + 1000, Math.min(20, 2 + i), i == 12 ? 3 : 0, i >= 20 ? 5 : 0, kinds));
        }
        return points;
    }

    private static LoadReport report(List<LoadReport.Point> timeline, long errors, long violations) {
        List<LoadReport.Kind> kinds = List.of(
                new LoadReport.Kind("LOGIN", 330, 0, 0, Map.of(), 11.0, new LoadReport.Latency(0.4, 1.0, 2.0, 3.1, 3.2, 0.5)),
                new LoadReport.Kind("FETCH", 2370, 0, errors, errors == 0 ? Map.of()
                        : Map.of("timeout", errors - 1, "BAD <b>unknown</b>", 1L), 79.0,
                        new LoadReport.Latency(3.9, 8.0, 14.0, 19.5, 22.0, 4.4)),
                new LoadReport.Kind("NOOP", 480, 4, 0, Map.of(), 16.0, new LoadReport.Latency(0.2, 0.6, 1.1, 1.4, 1.5, 0.3)),
                new LoadReport.Kind("STORE", 160, 0, 0, Map.of(), 5.3, new LoadReport.Latency(1.5, 3.0, 6.0, 6.5, 6.6, 1.9)));
        List<LoadReport.Rule> rules = List.of(
                new LoadReport.Rule("exists-never-shrinks", "I34", "RFC 3501 §5.2",
                        "EXISTS never lowers the message count; only EXPUNGE does", 0, List.of()),
                new LoadReport.Rule("size-matches-body", "I53", "RFC 3501 §2.3.4",
                        "RFC822.SIZE is the exact octet count of BODY[] <even for \"odd\" messages>", violations,
                        violations == 0 ? List.of() : List.of(HOSTILE,
                                "size-matches-body (I53, RFC 3501 §2.3.4) in session B1, during FETCH 7 (RFC822.SIZE): second",
                                "size-matches-body (I53, RFC 3501 §2.3.4) in session B2, during FETCH 9 (RFC822.SIZE): third")));
        long commands = kinds.stream().mapToLong(LoadReport.Kind::count).sum();
        long end = timeline.isEmpty() ? START + 800 : timeline.get(timeline.size() - 1).endMillis();
        return new LoadReport("imaptest", "dovecot & friends (IMAP 127.0.0.1:10143)", List.of("0/1"),
                java.time.Instant.ofEpochMilli(START).toString(), java.time.Instant.ofEpochMilli(end).toString(), 20,
                new LoadReport.Totals(commands, 4, errors, violations, 120, 30), kinds, rules, timeline);
    }
}
