package io.maildrill.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a load run simulates, as data: who the users are ({@link Persona}s, drawn by weight),
 * which mailbox they work on and how many messages it is kept near. Bundled profiles are
 * resources ({@link LoadProfiles}); a user's own is a file of the same form
 * ({@link LoadProfileParser}, docs/load.md).
 *
 * @param name        the profile's name, as reports show it
 * @param description one line saying what it models
 * @param mailbox     the mailbox every session selects
 * @param messages    the size the mailbox starts at, and that APPEND and DELETE keep it near
 * @param personas    at least one
 */
public record LoadProfile(String name, String description, String mailbox, int messages, List<Persona> personas) {

    public LoadProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mailbox, "mailbox");
        personas = List.copyOf(personas);
        if (personas.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one persona");
        }
    }

    /** Whether any persona appends, flags, deletes or expunges: then the run needs disposable accounts. */
    public boolean changesMailboxes() {
        return takes(s -> s.changesMailbox());
    }

    /** Whether any persona takes a step of {@code protocol} (the run then needs that endpoint). */
    public boolean uses(Protocol protocol) {
        return personas.stream().anyMatch(p -> p.protocol() == protocol);
    }

    /** Whether any persona may take a step that {@code test} accepts (a step of percent 0 is never taken). */
    public boolean takes(java.util.function.Predicate<StepCommand> test) {
        return personas.stream().flatMap(p -> p.steps().stream()).anyMatch(s -> s.percent() > 0 && test.test(s.command()));
    }

    /**
     * One kind of user: a cycle of steps, each taken with its probability, with a pause between
     * steps. A cycle that ends logged in starts again at the first step the session can take.
     *
     * @param name     shown in reports ("imaptest", "phone", ...)
     * @param protocol which client it is
     * @param weight   relative share of the users
     * @param think    pause after each plan of steps (zero: the next command goes out at once)
     * @param pipeline how many commands a user sends without waiting, at most ({@link StepPlanner}
     *                 says which may go together); 1 waits for each answer (a POP3 persona always does)
     * @param idle     how long an IDLE step stays idle before DONE (the run's end cuts it short)
     * @param steps    in cycle order
     */
    public record Persona(String name, Protocol protocol, int weight, Duration think, int pipeline, Duration idle,
                          List<Step> steps) {
        public static final int MAX_PIPELINE = 64;
        /** RFC 2177 §3: a client should leave IDLE and issue it again at least every 29 minutes. */
        public static final Duration DEFAULT_IDLE = Duration.ofMinutes(29);

        public Persona {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(think, "think");
            Objects.requireNonNull(idle, "idle");
            steps = List.copyOf(steps);
            if (steps.stream().anyMatch(s -> s.command().protocol() != protocol)) {
                throw new IllegalArgumentException("every step of a " + protocol + " persona must be a " + protocol + " step");
            }
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1");
            }
            if (protocol == Protocol.POP3 && pipeline != 1) {
                throw new IllegalArgumentException("a POP3 persona waits for each answer: pipeline must be 1");
            }
            if (pipeline < 1 || pipeline > MAX_PIPELINE) {
                throw new IllegalArgumentException("pipeline must be 1.." + MAX_PIPELINE);
            }
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("idle must be positive");
            }
        }
    }

    /** Which client a persona is; its steps are all of that protocol. */
    public enum Protocol { IMAP, POP3 }

    /**
     * One step of a cycle.
     *
     * @param command what is sent (an {@link ImapStep} or a {@link Pop3Step})
     * @param percent how often it is taken when its turn comes, 0..100
     * @param repeat  how often, once taken, it is taken again at once (and again), 0..99
     */
    public record Step(StepCommand command, int percent, int repeat) {
        public Step {
            Objects.requireNonNull(command, "command");
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be 0..100");
            }
            if (repeat < 0 || repeat > 99) {
                throw new IllegalArgumentException("repeat must be 0..99");
            }
        }
    }
}
