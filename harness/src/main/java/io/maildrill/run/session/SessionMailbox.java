package io.maildrill.run.session;

import io.maildrill.run.match.ImapData;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.SequenceSet;
import io.maildrill.model.MailboxView;
import io.maildrill.model.ModelViolation;
import io.maildrill.run.match.RefResolver;
import io.maildrill.run.match.Value;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What one IMAP script session believes of its selected mailbox: the {@link MailboxView} every
 * response updates at arrival (whether or not a script line names it), the EXISTS count while
 * nothing is selected yet, and the fixture messages an expunge in the fixture mailbox removes for
 * every session of the script. A response inconsistent with what came before is a problem passed
 * to {@code problems}, for the next group to report.
 */
final class SessionMailbox {

    private final String session;
    private final FixtureState fixture;
    private final Consumer<String> problems;
    private MailboxView view;
    private long existsWhileUnselected;
    /** Whether the selected mailbox is the fixture mailbox, whose expunges remove fixture messages. */
    private boolean fixtureSelected;

    SessionMailbox(String session, FixtureState fixture, Consumer<String> problems) {
        this.session = session;
        this.fixture = fixture;
        this.problems = problems;
    }

    /** A SELECT or EXAMINE went out: nothing is selected until it is answered and the view seeded. */
    void selecting(boolean fixtureMailbox) {
        view = null;
        existsWhileUnselected = 0;
        fixtureSelected = fixtureMailbox;
    }

    /** Starts the view from the last EXISTS (the session then learns UIDs and flags by a UID FETCH). */
    MailboxView seed() {
        view = MailboxView.selected(existsWhileUnselected);
        return view;
    }

    /** Puts back the view a rejected SELECT replaced (RFC 3501 §6: a BAD changes no state). */
    void restore(MailboxView before) {
        view = before;
    }

    void forget() {
        view = null;
    }

    Optional<MailboxView> view() {
        return Optional.ofNullable(view);
    }

    long count() {
        return view == null ? 0 : view.size();
    }

    /** The UIDs in sequence order (empty when nothing is selected). */
    List<Long> uids() {
        return view == null ? List.of() : view.uids();
    }

    /** The session's own silent STORE, once the server said OK. */
    void apply(SilentStore change) {
        if (view != null) {
            change.applyTo(view);
        }
    }

    /** Applies one response; returns the UIDs as they stood just before it (for {@code #k} in its pattern). */
    List<Long> apply(ImapResponse r) {
        List<Long> before = uids();
        try {
            if (r instanceof ImapResponse.Exists e) {
                if (view == null) {
                    existsWhileUnselected = e.count();
                } else {
                    view.onExists(e.count());
                }
            } else if (view == null) {
                return before;
            } else if (r instanceof ImapResponse.Expunge x) {
                view.onExpunge(x.sequence());
                if (x.sequence() >= 1 && x.sequence() <= before.size()) {
                    fixtureGone(before.get((int) x.sequence() - 1));
                }
            } else if (r instanceof ImapResponse.Vanished v && !v.earlier()) {
                List<Long> vanished = SequenceSet.expand(v.uidSet());
                view.onVanished(vanished);
                vanished.forEach(this::fixtureGone);
            } else if (r instanceof ImapResponse.Fetch f) {
                OptionalLong uid = f.uid();
                view.onFetch(f.sequence(), uid.isPresent() ? uid.getAsLong() : null, f.flags().orElse(null));
            }
        } catch (ModelViolation violation) {
            problems.accept("inconsistent with what the server told " + session + " before: " + violation.getMessage()
                    + " (response: " + ImapData.describe(r) + ")");
        } catch (IllegalArgumentException malformed) {
            problems.accept("VANISHED with a malformed uid-set (RFC 7162 §3.2.10: known-uids = sequence-set): "
                    + malformed.getMessage() + " (response: " + ImapData.describe(r) + ")");
        }
        return before;
    }

    /**
     * An expunge the server reported in the fixture mailbox removes that fixture message for every
     * session of the script: a POP3 session opened afterwards numbers only the survivors.
     */
    private void fixtureGone(Long uid) {
        int k = fixtureSelected && uid != null ? fixture.indexOfUid(uid) : 0;
        if (k > 0) {
            fixture.markRemoved(k);
        }
    }

    /** Resolves {@code #k} for a response as the view stood just before it applied. */
    RefResolver refsAt(List<Long> uidsBefore) {
        return new RefResolver() {
            @Override
            public OptionalLong sequence(int k) {
                int i = fixture.uid(k) == 0 ? -1 : uidsBefore.indexOf(fixture.uid(k));
                return i < 0 ? OptionalLong.empty() : OptionalLong.of(i + 1);
            }

            @Override
            public Optional<Value> uid(int k) {
                long uid = fixture.uid(k);
                return uid == 0 ? Optional.empty() : Optional.of(new Value.Num(uid));
            }
        };
    }
}
