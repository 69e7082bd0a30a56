package io.maildrill.imap;

import io.maildrill.net.ProtocolException;

/**
 * A convenience method ({@link ImapSession#append}, {@link ImapSession#capability}, ...) got a
 * NO or BAD where it needs OK to return its typed result. Methods that return an
 * {@link ImapCompletion} never throw this: there NO/BAD is a value.
 */
public final class ImapCommandException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final transient ImapCompletion completion;

    public ImapCommandException(String command, ImapCompletion completion) {
        super(command + " failed: " + completion);
        this.completion = completion;
    }

    public ImapCompletion completion() {
        return completion;
    }
}
