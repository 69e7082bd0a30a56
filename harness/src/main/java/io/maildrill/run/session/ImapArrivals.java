package io.maildrill.run.session;

import io.maildrill.run.match.ImapData;
import io.maildrill.imap.ImapResponse;
import io.maildrill.model.MailboxView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger of one IMAP script session: the commands it sent (by tag, until their completion;
 * by send line, until their group judged them) and every response in arrival order, numbered, so
 * that a group can take as its candidates exactly the untagged responses that came before its
 * command's completion, and {@link #claim} what it matched. No connection and no judging here:
 * the session feeds it what arrives, the groups ask it what came.
 *
 * <p>Claiming (docs/scripts.md, "How the runner evaluates a group"): a group's claimed responses
 * are used up; its unclaimed candidates are dropped too, unless another command still awaits its
 * group (pipelining), whose group may claim them.
 */
final class ImapArrivals {

    /** An untagged (or malformed) response not yet claimed, with the view's UIDs just before it applied. */
    public record Received(long index, ImapResponse response, List<Long> uidsBefore) {
    }

    /** A command sent with a tag, awaiting (or holding) its completion. */
    public static final class Command {
        private final int line;
        private final String tag;
        private final String text;
        private final boolean selects;
        private final List<String> continuations = new ArrayList<>();
        private final Optional<SilentStore> silentStore;
        private ImapResponse.Tagged completion;
        private long completionIndex = -1;
        /** For a SELECT/EXAMINE: the view it replaced, restored if the command is rejected with BAD. */
        MailboxView viewBefore;

        private Command(int line, String tag, String text, boolean selects, Optional<SilentStore> silentStore) {
            this.line = line;
            this.tag = tag;
            this.text = text;
            this.selects = selects;
            this.silentStore = silentStore;
        }

        /** The script line that sent it. */
        public int line() {
            return line;
        }

        public String tag() {
            return tag;
        }

        /** The command as sent, tag included, credentials redacted. */
        public String text() {
            return text;
        }

        /** Whether it is a SELECT or EXAMINE (its group reseeds the view). */
        public boolean selects() {
            return selects;
        }

        /** The flags change the session applies to its own view when the server answers OK. */
        public Optional<SilentStore> silentStore() {
            return silentStore;
        }

        public Optional<ImapResponse.Tagged> completion() {
            return Optional.ofNullable(completion);
        }

        /** The arrival index of the completion (-1 before it came): the candidates came before it. */
        public long completionIndex() {
            return completionIndex;
        }

        /** Continuation requests seen while it was in flight, as described in failures. */
        public List<String> continuations() {
            return List.copyOf(continuations);
        }

        int continuationCount() {
            return continuations.size();
        }

        /** Forgets the continuations seen so far: the client has answered them ({@code A+>}). */
        void continuationsAnswered() {
            continuations.clear();
        }
    }

    private final List<Received> unclaimed = new ArrayList<>();
    private final Map<String, Command> inFlight = new LinkedHashMap<>();
    private final List<Command> awaitingGroup = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long nextIndex;
    private long idleMark;

    /** Forgets everything: a new connection. */
    void reset() {
        unclaimed.clear();
        inFlight.clear();
        awaitingGroup.clear();
        problems.clear();
    }

    /** The connection is gone: no command is in flight or awaits a group any more. */
    void dropCommands() {
        inFlight.clear();
        awaitingGroup.clear();
    }

    // ---- what the session feeds in ------------------------------------------------------------

    /** A command going out: in flight until its completion, awaiting its group until {@link #claim}. */
    Command sent(int line, String tag, String text, boolean selects, Optional<SilentStore> silentStore) {
        Command cmd = new Command(line, tag, text, selects, silentStore);
        inFlight.put(tag, cmd);
        awaitingGroup.add(cmd);
        return cmd;
    }

    boolean tagInUse(String tag) {
        return inFlight.containsKey(tag);
    }

    Optional<Command> inFlight(String tag) {
        return Optional.ofNullable(inFlight.get(tag));
    }

    boolean nothingInFlight() {
        return inFlight.isEmpty();
    }

    boolean noneAwaitingGroup() {
        return awaitingGroup.isEmpty();
    }

    /** A command that will get no group (a runner command, or one whose step failed). */
    void withdraw(Command cmd) {
        awaitingGroup.remove(cmd);
        inFlight.remove(cmd.tag);
    }

    /**
     * A tagged response: the completion of the command in flight with its tag, or, for no such
     * command, a problem (an unexpected completion) and empty.
     */
    Optional<Command> completion(ImapResponse.Tagged tagged) {
        Command cmd = inFlight.remove(tagged.tag());
        if (cmd == null) {
            problem("tagged response \"" + ImapData.describe(tagged) + "\" answers no command in flight");
            return Optional.empty();
        }
        cmd.completion = tagged;
        cmd.completionIndex = nextIndex++;
        return Optional.of(cmd);
    }

    /** A continuation request: every command in flight saw it (which one it is for is the group's to judge). */
    void continuation(ImapResponse.Continuation continuation) {
        for (Command cmd : inFlight.values()) {
            cmd.continuations.add(ImapData.describe(continuation));
        }
    }

    /** An untagged or malformed response, after it applied to the view whose UIDs were {@code uidsBefore}. */
    Received untagged(ImapResponse response, List<Long> uidsBefore) {
        Received received = new Received(nextIndex++, response, uidsBefore);
        unclaimed.add(received);
        return received;
    }

    /** Something wrong noticed on arrival (a model violation, an unknown tag), reported by the next group. */
    void problem(String problem) {
        problems.add(problem);
    }

    // ---- what the groups ask ------------------------------------------------------------------

    /** The command a group is about: the one the group's send line sent and no group has judged yet. */
    Optional<Command> commandFor(int sendLine) {
        return awaitingGroup.stream().filter(c -> c.line == sendLine).findFirst();
    }

    /** Unclaimed untagged responses that arrived before {@code limitIndex}, in arrival order. */
    List<Received> candidatesBefore(long limitIndex) {
        return unclaimed.stream().filter(r -> r.index < limitIndex).toList();
    }

    /** Unclaimed untagged responses that arrived since the idle start or the previous idle group. */
    List<Received> idleCandidates() {
        return unclaimed.stream().filter(r -> r.index >= idleMark).toList();
    }

    /** The index the next arrival will get. */
    long nextIndex() {
        return nextIndex;
    }

    /** Problems noticed since the last group; clears them. */
    List<String> takeProblems() {
        List<String> out = List.copyOf(problems);
        problems.clear();
        return out;
    }

    /** A command group judged {@code cmd}: its claimed responses go, and its other candidates unless another command awaits its group. */
    void claim(Command cmd, List<Received> candidates, List<Received> claimed) {
        awaitingGroup.remove(cmd);
        inFlight.remove(cmd.tag);
        unclaimed.removeAll(claimed);
        if (awaitingGroup.isEmpty()) {
            unclaimed.removeAll(candidates);
        }
    }

    /**
     * A group that ended at a continuation request: what it judged is used up, and the command stays
     * in flight and awaiting its next group, with no continuation seen yet, for the client's answer.
     */
    void claimUpToContinuation(Command cmd, List<Received> candidates, List<Received> claimed) {
        unclaimed.removeAll(claimed);
        if (awaitingGroup.size() == 1) {
            unclaimed.removeAll(candidates);
        }
        cmd.continuationsAnswered();
    }

    /** An idle group judged {@code candidates}; the next one starts after them. */
    void claimIdle(List<Received> candidates) {
        unclaimed.removeAll(candidates);
        idleMark = nextIndex;
    }

    /** IDLE started: later idle groups look at what arrives from now on. */
    void markIdle() {
        idleMark = nextIndex;
    }

    /** Drops the unclaimed responses that came before {@code index} (a runner command's, applied to the view). */
    void dropBefore(long index) {
        unclaimed.removeIf(r -> r.index < index);
    }

    /** Drops every unclaimed response, when no command awaits a group that could claim it. */
    void dropUnclaimedIfNoneAwaiting() {
        if (awaitingGroup.isEmpty()) {
            unclaimed.clear();
        }
    }
}
