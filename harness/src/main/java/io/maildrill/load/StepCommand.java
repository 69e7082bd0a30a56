package io.maildrill.load;

/**
 * What one step of a persona's cycle sends: an {@link ImapStep} or a {@link Pop3Step}. A persona's
 * steps are all of its protocol ({@link LoadProfile.Persona}).
 */
public sealed interface StepCommand permits ImapStep, Pop3Step {

    /** The step's name in profiles ({@code FETCH}, {@code RETR}). */
    String name();

    /**
     * The kind its commands are counted as in the statistics and reports: an IMAP step's name, a
     * POP3 step's with {@code POP3-} before it, since both protocols have a LOGIN and a LIST (no
     * space: the kinds are HdrHistogram log tags).
     */
    default String kind() {
        return name();
    }

    /** The protocol whose persona may take this step. */
    LoadProfile.Protocol protocol();

    /** Whether the step changes what the account holds (messages or their flags). */
    boolean changesMailbox();
}
