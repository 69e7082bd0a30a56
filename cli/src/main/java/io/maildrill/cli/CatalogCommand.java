package io.maildrill.cli;

import io.maildrill.run.ParsedScript;
import io.maildrill.suites.catalog.Catalog;
import io.maildrill.suites.catalog.CatalogEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code maildrill catalog}: which catalog requirements the scripts cover (and with which
 * scripts), which they do not, and how many are covered in all.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Print which conformance-catalog IDs the scripts cover, and which they do not.")
final class CatalogCommand implements Callable<Integer> {

    @Mixin
    ScriptSelection selection;

    @Option(names = "--uncovered", description = "List only the requirements no script covers.")
    boolean onlyUncovered;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.bundled();
        List<ParsedScript> scripts = selection.load();
        Map<String, List<String>> scriptsById = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (ParsedScript script : scripts) {
            for (String id : script.script().metadata().covers()) {
                if (catalog.contains(id)) {
                    scriptsById.computeIfAbsent(id, k -> new ArrayList<>()).add(script.id());
                } else {
                    unknown.add(script.id() + " names " + id);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        String section = "";
        for (CatalogEntry entry : catalog.entries()) {
            List<String> covering = scriptsById.getOrDefault(entry.id(), List.of());
            if (onlyUncovered && !covering.isEmpty()) {
                continue;
            }
            if (!entry.section().equals(section)) {
                section = entry.section();
                out.println();
                out.println(section);
            }
            String level = entry.level().isEmpty() ? "" : "[" + entry.level() + "] ";
            out.printf(Locale.ROOT, "  %-4s %-8s %s%s%n", entry.id(), covering.isEmpty() ? "-" : covering.size() + " script" + (covering.size() == 1 ? "" : "s"),
                    level, shorten(entry.requirement()));
            covering.forEach(s -> out.println("                " + s));
            if (covering.isEmpty()) {
                entry.notCovered().ifPresent(why -> out.println("                why: " + shorten(why)));
            }
        }
        out.println();
        for (String u : unknown) {
            out.println("warning: " + u + ", which the catalog does not have");
        }
        out.printf(Locale.ROOT, "%d of %d catalog requirements covered by %d scripts%n",
                scriptsById.size(), catalog.entries().size(), scripts.size());
        out.flush();
        return ExitCodes.OK;
    }

    private static String shorten(String text) {
        return text.length() > 110 ? text.substring(0, 107) + "..." : text;
    }
}
