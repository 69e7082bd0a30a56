package io.maildrill.load;

import io.maildrill.corpus.CorpusMessage;
import io.maildrill.corpus.IntegrityCheck;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapValue;
import io.maildrill.imap.SelectResult;
import io.maildrill.imap.Str;
import io.maildrill.model.MailboxView;
import io.maildrill.model.ModelViolation;
import io.maildrill.run.match.ImapData;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The oracle of one load session: its own view of the selected mailbox (the same
 * {@link MailboxView} scripts use), checked and updated by every response in arrival order, and
 * the mailbox's {@link SharedMailbox} for what must hold across sessions. A violation is recorded
 * and makes the view untrustworthy ({@link #diverged()}) until the next SELECT, so one server bug
 * is reported once, not as every response after it.
 */
final class SessionOracle {

    private static final int SHOWN_RESPONSE_LIMIT = 300;

    private final String session;
    private final SharedMailbox mailbox;
    private final Violations violations;
    private final Clock clock;
    private MailboxView view;
    private long uidValidity;
    private boolean diverged;

    SessionOracle(String session, SharedMailbox mailbox, Violations violations, Clock clock) {
        this.session = session;
        this.mailbox = mailbox;
        this.violations = violations;
        this.clock = clock;
    }

    /** A SELECT completed OK: the view starts again from what it reported. */
    void selected(SelectResult select) {
        view = MailboxView.selected(select.exists().orElse(0));
        uidValidity = select.uidValidity().orElse(0);
        mailbox.selected(uidValidity);
        diverged = false;
    }

    /** No mailbox selected (logged out, or a SELECT failed). */
    void deselected() {
        view = null;
    }

    boolean selectedMailbox() {
        return view != null;
    }

    /** Messages this session knows of (0 when nothing is selected). */
    int size() {
        return view == null ? 0 : view.size();
    }

    boolean diverged() {
        return diverged;
    }

    /**
     * The untagged responses of one command, in arrival order.
     *
     * @param step    the command's kind
     * @param command the command as sent
     */
    void onCommand(ImapStep step, String command, List<ImapResponse> untagged) {
        if (step == ImapStep.SELECT) {
            // SELECT first deselects the mailbox selected before (RFC 3501 §6.3.1): what it reports
            // starts the new view, and is not checked against the old one, which may not have been
            // told yet of other sessions' EXPUNGEs
            view = null;
        }
        boolean sequenceCommand = !step.allowsExpunge();
        for (ImapResponse response : untagged) {
            if (response instanceof ImapResponse.Expunge && sequenceCommand) {
                violation(OracleRule.NO_EXPUNGE_DURING_FETCH_STORE_SEARCH, command, response,
                        "no EXPUNGE before " + step + " completes (an EXPUNGE of another session waits for a"
                                + " command that allows it, such as NOOP)");
            }
            apply(command, response);
        }
    }

    /** Responses that came while no command was in progress. */
    void onUnsolicited(List<ImapResponse> responses) {
        for (ImapResponse response : responses) {
            if (response instanceof ImapResponse.Expunge) {
                violation(OracleRule.NO_EXPUNGE_WITHOUT_COMMAND, "(no command in progress)", response,
                        "EXPUNGE only in answer to a command that allows it");
            }
            apply("(no command in progress)", response);
        }
    }

    private void apply(String command, ImapResponse response) {
        if (view == null || diverged) {
            return;
        }
        if (response instanceof ImapResponse.Exists exists) {
            try {
                view.onExists(exists.count());
            } catch (ModelViolation e) {
                violation(OracleRule.EXISTS_NEVER_SHRINKS, command, response, "at least " + view.size()
                        + " messages: this session was told of " + view.size() + " and of no EXPUNGE since");
            }
        } else if (response instanceof ImapResponse.Expunge expunge) {
            if (expunge.sequence() < 1 || expunge.sequence() > view.size()) {
                violation(OracleRule.EXPUNGE_NAMES_A_MESSAGE, command, response,
                        "a sequence number 1.." + view.size() + " (the messages this session knows)");
                return;
            }
            long uid = view.uid(expunge.sequence());
            view.onExpunge(expunge.sequence());
            if (uid != 0) {
                mailbox.expunged(uidValidity, uid);
            }
        } else if (response instanceof ImapResponse.Vanished vanished && !vanished.earlier()) {
            diverged = true; // QRESYNC is not enabled by the load sessions; a VANISHED is not ours to model
        } else if (response instanceof ImapResponse.Fetch fetch) {
            onFetch(command, fetch);
        }
    }

    private void onFetch(String command, ImapResponse.Fetch fetch) {
        long seq = fetch.sequence();
        if (seq < 1 || seq > view.size()) {
            violation(OracleRule.FETCH_NAMES_A_MESSAGE, command, fetch,
                    "a sequence number 1.." + view.size() + " (the messages this session knows)");
            return;
        }
        OptionalLong reported = fetch.uid();
        long known = view.uid(seq);
        if (reported.isPresent()) {
            long uid = reported.getAsLong();
            if (known != 0 && known != uid) {
                violation(OracleRule.UID_NEVER_CHANGES, command, fetch, "UID " + known + " for message " + seq
                        + ", as this session was told before (no EXPUNGE since moved it)");
                return;
            }
            Optional<String> order = ascending(seq, uid);
            if (order.isPresent()) {
                violation(OracleRule.UIDS_ASCEND, command, fetch, order.get());
                return;
            }
            view.onFetch(seq, uid, fetch.flags().orElse(null));
            known = uid;
        } else if (fetch.flags().isPresent()) {
            view.onFetch(seq, null, fetch.flags().get());
        }
        if (known != 0) {
            checkStatic(command, fetch, known);
        }
    }

    /** The UID fits between the nearest known UIDs below and above its sequence number. */
    private Optional<String> ascending(long seq, long uid) {
        for (long below = seq - 1; below >= 1; below--) {
            long other = view.uid(below);
            if (other != 0) {
                if (other >= uid) {
                    return Optional.of("a UID above " + other + " (message " + below + "'s)");
                }
                break;
            }
        }
        for (long above = seq + 1; above <= view.size(); above++) {
            long other = view.uid(above);
            if (other != 0) {
                if (other <= uid) {
                    return Optional.of("a UID below " + other + " (message " + above + "'s)");
                }
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the static items against what other sessions were told of the UID. RFC 2180 §4.1.3
     * lets a server answer a FETCH of a message another session expunged (this one not told yet)
     * with "NIL FETCH responses": RFC822.SIZE 0, an ENVELOPE of ten NILs, an empty BODY[]. Those
     * are that server's right, not a changed message, so they are neither compared nor learnt
     * (a corpus message is never empty and always has a Date, Subject and From).
     */
    private void checkStatic(String command, ImapResponse.Fetch fetch, long uid) {
        OptionalLong size = fetch.rfc822Size();
        if (size.isPresent() && size.getAsLong() == 0) {
            size = OptionalLong.empty();
        }
        if (size.isPresent()) {
            report(command, fetch, mailbox.size(uidValidity, uid, size.getAsLong()));
        }
        Optional<ImapValue> envelope = fetch.item("ENVELOPE").filter(e -> !isNilEnvelope(e));
        if (envelope.isPresent()) {
            report(command, fetch, mailbox.envelope(uidValidity, uid, envelope.get()));
        }
        Optional<Str> body = fetch.body("").filter(b -> b.size() > 0);
        if (body.isPresent()) {
            if (size.isPresent() && body.get().size() != size.getAsLong()) {
                violation(OracleRule.SIZE_MATCHES_BODY, command, fetch, "a BODY[] of " + size.getAsLong()
                        + " octets, the RFC822.SIZE in the same response (it has " + body.get().size() + ")");
                return;
            }
            report(command, fetch, mailbox.body(uidValidity, uid, body.get().size()));
            if (body.get().retained()
                    && CorpusMessage.verify(body.get().bytes()) instanceof IntegrityCheck.Mismatch mismatch) {
                violation(OracleRule.BODY_INTACT, command, fetch, "the stored message unchanged: " + mismatch.describe());
            }
        }
    }

    /** RFC 2180 §4.1.3's ENVELOPE of an expunged message: {@code (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)}. */
    private static boolean isNilEnvelope(ImapValue envelope) {
        return envelope instanceof ImapValue.ListValue list && list.items().stream().allMatch(ImapValue::isNil);
    }

    private void report(String command, ImapResponse.Fetch fetch, Optional<SharedMailbox.Contradiction> contradiction) {
        contradiction.ifPresent(c -> violation(c.rule(), command, fetch, c.expected()));
    }

    private void violation(OracleRule rule, String command, ImapResponse response, String expected) {
        String shown = ImapData.describe(response);
        if (shown.length() > SHOWN_RESPONSE_LIMIT) {
            shown = shown.substring(0, SHOWN_RESPONSE_LIMIT) + "...";
        }
        violations.add(new Violation(rule, clock.instant(), session, command, shown, expected));
        diverged = true;
    }
}
