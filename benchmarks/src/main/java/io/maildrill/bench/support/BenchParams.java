package io.maildrill.bench.support;

/** Default values of the JMH parameters shared by every workload (the CLI overrides them). */
public final class BenchParams {

    public static final String TARGET = "target";
    public static final String MAILBOX_SIZE = "mailboxSize";
    public static final String PROFILE = "profile";
    public static final String CLIENT = "client";

    private BenchParams() {
    }
}
