/**
 * The deterministic message corpus: mailbox content generated on demand from a seed, so a
 * provisioner can upload it, a script can name it ({@code @fixture messages=20 shapes=plain}),
 * and a check can compare what a server returns with what was stored, octet for octet.
 *
 * <p>Entry points: {@link io.maildrill.corpus.Corpus#of(io.maildrill.corpus.CorpusSpec)},
 * {@link io.maildrill.corpus.CorpusFixture#parse(String)} and
 * {@link io.maildrill.corpus.CorpusMessage#verify(byte[])}. Every message is a valid RFC 5322
 * message with CRLF line ends, lines of at most 998 octets, the usual envelope headers, and
 * {@code X-Maildrill-Seed}, {@code X-Maildrill-Index}, {@code X-Maildrill-Shape} and
 * {@code X-Maildrill-Body-SHA256} headers.
 */
package io.maildrill.corpus;
