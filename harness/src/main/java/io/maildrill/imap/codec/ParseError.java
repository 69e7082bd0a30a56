package io.maildrill.imap.codec;

/**
 * Internal signal from the parser to its entry point, turned into a {@link io.maildrill.net.MalformedReply}
 * value there; it never leaves the codec. No stack trace: it is control flow, thrown per bad reply.
 */
final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String problem;
    final String expected;

    ParseError(String problem, String expected) {
        super(problem, null, false, false);
        this.problem = problem;
        this.expected = expected;
    }
}
