package io.maildrill.load;

import io.maildrill.report.load.LoadReport;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Turns a finished run into its {@link LoadReport}. */
public final class LoadReports {

    private LoadReports() {
    }

    public static LoadReport of(LoadRun.Outcome outcome, LoadOptions options, String target, Timeline timeline) {
        LoadStats stats = outcome.stats();
        double seconds = Math.max(0.001, outcome.elapsed().toMillis() / 1000.0);
        List<LoadReport.Kind> kinds = new ArrayList<>();
        long refused = 0;
        // counts from the histograms, so load.json and load.hlog agree to the command (a merge checks that)
        for (CommandStats kind : stats.kinds()) {
            refused += kind.refused();
            kinds.add(new LoadReport.Kind(kind.kind(), kind.recorded(), kind.refused(), kind.errorCount(), kind.errors(),
                    kind.recorded() / seconds, latency(kind.totalLatencies())));
        }
        List<LoadReport.Rule> rules = new ArrayList<>();
        for (OracleRule rule : OracleRule.values()) {
            if (!options.profile().uses(rule.protocol())) {
                continue; // an IMAP run's report has no POP3 rules to pass, and the other way round
            }
            rules.add(new LoadReport.Rule(rule.id(), rule.catalogId(), rule.section(), rule.text(),
                    stats.violations().count(rule), stats.violations().kept(rule).stream().map(Violation::toString).toList()));
        }
        LoadReport.Totals totals = new LoadReport.Totals(stats.commands(), refused, stats.errors(), stats.violations().total(),
                stats.pushed(), stats.pushedExists());
        return new LoadReport(options.profile().name(), target, List.of(options.shard().toString()),
                outcome.start().toString(), outcome.end().toString(), options.clients(), totals, kinds, rules, timeline.points());
    }

    /** Percentiles of a histogram of microseconds, in milliseconds. */
    public static LoadReport.Latency latency(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LoadReport.Latency(0, 0, 0, 0, 0, 0);
        }
        return new LoadReport.Latency(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()),
                micros.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
