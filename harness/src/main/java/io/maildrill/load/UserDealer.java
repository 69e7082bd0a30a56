package io.maildrill.load;

import io.maildrill.target.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes user number {@code i} of a run, in either model: user {@code i} logs in as account
 * {@code a = i mod accounts} and, in round {@code r = i / accounts}, takes persona slot
 * {@code (r + a) mod slots}. So every account is dealt the slots in turn (with {@code i mod slots}
 * alone, as many accounts as slots would give each account one persona, and the devices of one
 * account would never meet), and the first rounds already spread the personas over the accounts.
 * The IMAP users of one account share its {@link SharedMailbox}, the POP3 users its {@link Pop3Maildrop}. Thread-safe: the open model deals
 * from its arrival timer.
 */
final class UserDealer {

    private final LoadContext context;
    private final LoadOptions options;
    private final List<LoadProfile.Persona> slots;
    private final Map<String, SharedMailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, Pop3Maildrop> maildrops = new ConcurrentHashMap<>();
    private final AtomicInteger dealt = new AtomicInteger();

    UserDealer(LoadContext context, LoadOptions options) {
        this.context = context;
        this.options = options;
        this.slots = slots(options.profile().personas());
    }

    /** User {@code i}; {@code intendedStartNanos} -1 for the closed model (see {@link ImapVirtualUser}). */
    VirtualUser user(int i, long intendedStartNanos, Runnable onFinish) {
        int accounts = options.accounts().size();
        Account account = options.accounts().get(i % accounts);
        LoadProfile.Persona persona = slots.get((i / accounts + i % accounts) % slots.size());
        dealt.incrementAndGet();
        String name = account.user() + "/" + (i + 1);
        long seed = options.seed() * 1_000_003L + i;
        if (persona.protocol() == LoadProfile.Protocol.POP3) {
            // the POP3 maildrop of an account is its INBOX; an IMAP persona that expunges makes a dropped
            // session's marks uncertain, so the model then leaves that rule alone
            Pop3Maildrop maildrop = maildrops.computeIfAbsent(account.user(),
                    u -> new Pop3Maildrop(options.profile().takes(step -> step == ImapStep.EXPUNGE)));
            return new Pop3VirtualUser(context, name, account, persona, maildrop, seed, intendedStartNanos, onFinish);
        }
        SharedMailbox mailbox = mailboxes.computeIfAbsent(account.user(),
                u -> new SharedMailbox(options.profile().mailbox() + " of " + u));
        return new ImapVirtualUser(context, name, account, options.profile(), persona, mailbox, seed, intendedStartNanos,
                onFinish);
    }

    /** How many users were made. */
    int dealt() {
        return dealt.get();
    }

    /**
     * Each persona repeated by its weight, interleaved (smooth weighted round-robin): a persona of
     * weight 1 among 49 sits in the middle of the slots, not at the end, so a run with fewer users
     * than slots still meets it.
     */
    static List<LoadProfile.Persona> slots(List<LoadProfile.Persona> personas) {
        int total = personas.stream().mapToInt(LoadProfile.Persona::weight).sum();
        long[] credit = new long[personas.size()];
        List<LoadProfile.Persona> out = new ArrayList<>(total);
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int p = 0; p < personas.size(); p++) {
                credit[p] += personas.get(p).weight();
                if (credit[p] > credit[best]) {
                    best = p;
                }
            }
            credit[best] -= total;
            out.add(personas.get(best));
        }
        return out;
    }
}
