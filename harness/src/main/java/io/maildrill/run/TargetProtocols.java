package io.maildrill.run;

import io.maildrill.script.ast.Protocol;
import io.maildrill.script.ast.SessionDecl;
import io.maildrill.target.Target;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which scripts a target can run at all: a script needs every protocol its sessions speak. A
 * target without POP3 (an IMAP-only server, as most server developers first point maildrill at)
 * does not fail or skip the POP3 and cross-protocol scripts as if the server lacked something:
 * they are not part of the run, and the run says once which protocols were not part of the target.
 */
public record TargetProtocols(List<ParsedScript> runnable, List<String> facts) {

    public static TargetProtocols select(Target target, List<ParsedScript> scripts) {
        Set<Protocol> missing = EnumSet.noneOf(Protocol.class);
        if (target.imap().isEmpty()) {
            missing.add(Protocol.IMAP);
        }
        if (target.pop3().isEmpty()) {
            missing.add(Protocol.POP3);
        }
        List<ParsedScript> runnable = new ArrayList<>();
        int left = 0;
        for (ParsedScript script : scripts) {
            if (script.script().sessions().stream().map(SessionDecl::protocol).anyMatch(missing::contains)) {
                left++;
            } else {
                runnable.add(script);
            }
        }
        List<String> facts = new ArrayList<>();
        if (!missing.isEmpty()) {
            facts.add("not part of the target: " + String.join(", ", missing.stream()
                    .map(p -> p.name().toUpperCase(Locale.ROOT)).toList()) + " (" + left + " script"
                    + (left == 1 ? "" : "s") + " using " + (missing.size() == 1 ? "it" : "them") + " not run)");
        }
        return new TargetProtocols(List.copyOf(runnable), List.copyOf(facts));
    }
}
