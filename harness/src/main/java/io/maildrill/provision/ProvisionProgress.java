package io.maildrill.provision;

/** Told how many messages have been stored so far; the CLI shows a progress bar with it. */
@FunctionalInterface
public interface ProvisionProgress {

    ProvisionProgress NONE = stored -> { };

    /** Called with the number of messages stored since the last call (from any thread). */
    void advanced(long stored);
}
