/**
 * The POP3 client (RFC 1939, RFC 2449 CAPA and response codes, RFC 2595 STLS, RFC 5034 SASL).
 *
 * <p>Roles: {@link io.maildrill.pop3.Pop3Command} values (built by {@link io.maildrill.pop3.Pop3Commands})
 * are written by {@link io.maildrill.pop3.Pop3RequestEncoder}; {@link io.maildrill.pop3.Pop3ResponseDecoder}
 * frames the server's bytes into {@link io.maildrill.pop3.Pop3Reply} values, which are either a
 * well-formed {@link io.maildrill.pop3.Pop3Response} or a {@link io.maildrill.pop3.Pop3Malformed}
 * finding; {@link io.maildrill.pop3.Pop3Session} is the blocking/async API scripts and benchmarks
 * drive; {@link io.maildrill.pop3.Pop3Listings} turns STAT, LIST and UIDL replies into typed values.
 *
 * <p>POP3 replies carry no tag, so a client must know whether a reply is multi-line from the
 * command it sent. The session pushes one {@link io.maildrill.pop3.Pop3ResponseExpectation} per
 * command, in send order, into a queue the decoder reads; replies are matched to commands in order,
 * which makes pipelining (RFC 2449 PIPELINING) work without extra bookkeeping.
 */
package io.maildrill.pop3;
