/**
 * The IMAP client: value model ({@link io.maildrill.imap.ImapValue}, {@link io.maildrill.imap.Str}),
 * responses ({@link io.maildrill.imap.ImapResponse}), commands ({@link io.maildrill.imap.ImapCommand})
 * and the blocking session API ({@link io.maildrill.imap.ImapSession}) used by scripts, the
 * provisioner and benchmarks. Framing and parsing live in {@code io.maildrill.imap.codec}.
 *
 * <p>Untagged-response attribution: a response that arrives while commands are in progress is
 * attributed to every one of them; one that arrives while none is in progress goes to the
 * session's unsolicited backlog ({@link io.maildrill.imap.ImapSession#drainUnsolicited()}),
 * unless a waiter ({@link io.maildrill.imap.ImapSession#awaitUntagged}) takes it. FETCH responses
 * of a streaming fetch go only to its consumer.
 */
package io.maildrill.imap;
