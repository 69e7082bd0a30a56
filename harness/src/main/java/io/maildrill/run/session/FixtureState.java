package io.maildrill.run.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the runner knows about one account's fixture mailbox: the UID each fixture message got when
 * it was loaded (index 0 = fixture message 1), and which fixture messages a POP3 QUIT has removed
 * since (so later POP3 sessions number the survivors, docs/scripts.md "Message references").
 */
public final class FixtureState {

    private final String mailbox;
    private final List<Long> uids;
    private final Set<Integer> removed = new HashSet<>();

    public FixtureState(String mailbox, List<Long> uids) {
        this.mailbox = mailbox;
        this.uids = List.copyOf(uids);
    }

    public String mailbox() {
        return mailbox;
    }

    public int count() {
        return uids.size();
    }

    /** UID of fixture message k (1-based), 0 when unknown (a POP3-only load). */
    public long uid(int fixtureIndex) {
        return fixtureIndex >= 1 && fixtureIndex <= uids.size() ? uids.get(fixtureIndex - 1) : 0;
    }

    /** Fixture index (1-based) of the message with this UID, 0 for a message that is not a fixture message. */
    public int indexOfUid(long uid) {
        int i = uid == 0 ? -1 : uids.indexOf(uid);
        return i + 1;
    }

    public void markRemoved(int fixtureIndex) {
        removed.add(fixtureIndex);
    }

    /** Fixture indices still in the mailbox, in fixture order: POP3 message n is element n-1. */
    public List<Integer> present() {
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k <= uids.size(); k++) {
            if (!removed.contains(k)) {
                out.add(k);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
