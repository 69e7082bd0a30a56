package io.maildrill.pop3;

/**
 * What the client got for one command: either a well-formed {@link Pop3Response} (which may be a
 * {@code -ERR}; that is a normal answer) or a {@link Pop3Malformed} finding quoting the bytes that
 * did not parse. Malformed replies are values, not exceptions, so a check can report them and the
 * session goes on; only timeouts and closed connections are exceptions.
 *
 * <pre>{@code
 * Pop3Reply reply = session.retr(1);
 * if (reply instanceof Pop3Response r && r.isOk()) {
 *     use(r.content());
 * } else {
 *     report(reply.describe());   // "-ERR no such message", or the malformed bytes quoted
 * }
 * }</pre>
 */
public sealed interface Pop3Reply permits Pop3Response, Pop3Malformed {

    /** True only for a well-formed {@code +OK} reply. */
    boolean isOk();

    /** One line for failure messages: the status line, or the malformed-reply description. */
    String describe();
}
