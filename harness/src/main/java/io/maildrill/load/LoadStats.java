package io.maildrill.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import io.maildrill.imap.ImapResponse;

/**
 * The statistics of one run: one {@link CommandStats} per command kind (in step order), the
 * sessions connected now, and the oracle's violations.
 */
public final class LoadStats {

    /** The kind under which connecting (TCP connect and greeting) is timed: not a command, so not in {@link #commands()}. */
    public static final String CONNECT = "CONNECT";
    /**
     * The open model's kind for a whole session, from its intended start to its LOGOUT's answer:
     * a late start (the run's connector or the server behind) counts, so stalls are not hidden.
     */
    public static final String SESSION = "SESSION";

    private final Map<String, CommandStats> byKind = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> order = new ConcurrentHashMap<>();
    private final AtomicInteger activeSessions = new AtomicInteger();
    private final Violations violations;
    private final LongAdder pushed = new LongAdder();
    private final LongAdder pushedExists = new LongAdder();

    public LoadStats(Violations violations) {
        this.violations = violations;
        for (ImapStep step : ImapStep.values()) {
            order.put(step.name(), step.ordinal());
        }
    }

    public CommandStats kind(String kind) {
        return byKind.computeIfAbsent(kind, CommandStats::new);
    }

    /** Every kind seen, in step order. */
    public List<CommandStats> kinds() {
        List<CommandStats> out = new ArrayList<>(byKind.values());
        out.sort((a, b) -> Integer.compare(order.getOrDefault(a.kind(), 99), order.getOrDefault(b.kind(), 99)));
        return out;
    }

    public void sessionOpened() {
        activeSessions.incrementAndGet();
    }

    public void sessionClosed() {
        activeSessions.decrementAndGet();
    }

    public int activeSessions() {
        return activeSessions.get();
    }

    /** A response the server pushed during IDLE (the oracle checks it as it comes). */
    public void pushed(ImapResponse response) {
        pushed.increment();
        if (response instanceof ImapResponse.Exists) {
            pushedExists.increment();
        }
    }

    public long pushed() {
        return pushed.sum();
    }

    public long pushedExists() {
        return pushedExists.sum();
    }

    public Violations violations() {
        return violations;
    }

    /** Commands in the intervals taken so far (connects not counted): the number load.hlog holds. */
    public long commands() {
        return byKind.values().stream().filter(k -> !k.kind().equals(CONNECT) && !k.kind().equals(SESSION)).mapToLong(CommandStats::recorded).sum();
    }

    public long errors() {
        return byKind.values().stream().mapToLong(CommandStats::errorCount).sum();
    }
}
