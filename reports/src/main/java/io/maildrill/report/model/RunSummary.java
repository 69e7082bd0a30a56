package io.maildrill.report.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a run: per outcome, per promise (in first-seen order), per protocol, and per catalog ID (sorted
 * naturally: P2 before P10). A cross-protocol script counts once under each of its protocols.
 */
public record RunSummary(OutcomeCounts total, Map<String, OutcomeCounts> byPromise,
                         Map<Protocol, OutcomeCounts> byProtocol, Map<String, CatalogCoverage> byCatalogId) {

    public RunSummary {
        java.util.Objects.requireNonNull(total, "total");
        byPromise = Checks.orderedMap(byPromise, "byPromise");
        byProtocol = Checks.orderedMap(byProtocol, "byProtocol");
        byCatalogId = Checks.orderedMap(byCatalogId, "byCatalogId");
    }

    /** Summarises the given scripts. */
    public static RunSummary of(List<ScriptResult> scripts) {
        var all = new ArrayList<Outcome>();
        var promises = new LinkedHashMap<String, List<Outcome>>();
        var protocols = new EnumMap<Protocol, List<Outcome>>(Protocol.class);
        var catalog = new TreeMap<String, List<CatalogCoverage.ScriptOutcome>>(RunSummary::compareCatalogIds);
        for (ScriptResult script : scripts) {
            all.add(script.outcome());
            promises.computeIfAbsent(script.promise(), k -> new ArrayList<>()).add(script.outcome());
            for (Protocol protocol : script.protocols()) {
                protocols.computeIfAbsent(protocol, k -> new ArrayList<>()).add(script.outcome());
            }
            for (String id : script.catalogIds()) {
                catalog.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new CatalogCoverage.ScriptOutcome(script.scriptId(), script.outcome()));
            }
        }
        var byPromise = new LinkedHashMap<String, OutcomeCounts>();
        promises.forEach((k, v) -> byPromise.put(k, OutcomeCounts.of(v)));
        var byProtocol = new EnumMap<Protocol, OutcomeCounts>(Protocol.class);
        protocols.forEach((k, v) -> byProtocol.put(k, OutcomeCounts.of(v)));
        var byCatalog = new LinkedHashMap<String, CatalogCoverage>();
        catalog.forEach((k, v) -> byCatalog.put(k, new CatalogCoverage(k, v)));
        return new RunSummary(OutcomeCounts.of(all), Collections.unmodifiableMap(byPromise), byProtocol, byCatalog);
    }

    /** True when any script FAILED or had an ERROR; expected failures, skips and fixes do not count. */
    public boolean hasNewFailures() {
        return total.newFailures() > 0;
    }

    /** Orders "P2" before "P10" and groups by letter prefix. */
    static int compareCatalogIds(String a, String b) {
        String prefixA = a.replaceAll("\\d.*$", "");
        String prefixB = b.replaceAll("\\d.*$", "");
        int byPrefix = prefixA.compareTo(prefixB);
        if (byPrefix != 0) {
            return byPrefix;
        }
        String digitsA = a.substring(prefixA.length()).replaceAll("\\D.*$", "");
        String digitsB = b.substring(prefixB.length()).replaceAll("\\D.*$", "");
        if (!digitsA.isEmpty() && !digitsB.isEmpty() && digitsA.length() < 10 && digitsB.length() < 10) {
            int byNumber = Long.compare(Long.parseLong(digitsA), Long.parseLong(digitsB));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return a.compareTo(b);
    }
}
