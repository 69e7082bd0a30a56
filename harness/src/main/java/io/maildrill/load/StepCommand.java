package io.maildrill.load;

/**
 * What one step of a persona's cycle sends: an {@link ImapStep} or a {@link Pop3Step}. A persona's
 * steps are all of its protocol ({@link LoadProfile.Persona}); the step's {@link #name()} is the
 * kind its commands are counted as.
 */
public sealed interface StepCommand permits ImapStep, Pop3Step {

    /** The step's name in profiles and the kind its commands are counted as ({@code FETCH}, {@code RETR}). */
    String name();

    /** The protocol whose persona may take this step. */
    LoadProfile.Protocol protocol();

    /** Whether the step changes what the account holds (messages or their flags). */
    boolean changesMailbox();
}
