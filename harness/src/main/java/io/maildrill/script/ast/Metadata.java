package io.maildrill.script.ast;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code @} header of a script.
 *
 * @param line        line of the first header entry
 * @param title       one-line description ({@code @title}, required)
 * @param covers      catalog IDs ({@code @covers P25 P26}, required, at least one)
 * @param level       requirement strength ({@code @level}, required)
 * @param protocols   protocols the script uses ({@code @protocols}, required; must match the sessions)
 * @param categories  promise/category words ({@code @category deletion}, required)
 * @param requires    capability requirements ({@code @requires imap IDLE}, optional, repeatable)
 * @param fixture     corpus to load ({@code @fixture}, optional: none means an empty mailbox)
 * @param destructive whether the script changes mailbox contents ({@code @destructive})
 * @param timeout     per-wait bound overriding the runner default ({@code @timeout 10s})
 * @param longRun     {@code @long 11m}: a long check (autologout timers) that waits about this long;
 *                    run only when asked for ({@code --long}), and its sleeps may last up to it
 */
public record Metadata(
        int line,
        String title,
        List<String> covers,
        Level level,
        Set<Protocol> protocols,
        List<String> categories,
        List<CapabilityRequirement> requires,
        Optional<Fixture> fixture,
        boolean destructive,
        Optional<Duration> timeout,
        Optional<Duration> longRun) implements Located {
    public Metadata {
        Located.requireLine(line);
        covers = List.copyOf(covers);
        protocols = Set.copyOf(protocols);
        categories = List.copyOf(categories);
        requires = List.copyOf(requires);
    }

    /** Capabilities required for one protocol, across all {@code @requires} lines. */
    public List<String> requiredCapabilities(Protocol protocol) {
        return requires.stream()
                .filter(r -> r.protocol() == protocol)
                .flatMap(r -> r.capabilities().stream())
                .toList();
    }
}
