package io.maildrill.run;

import io.maildrill.imap.ImapCompletion;
import io.maildrill.imap.ImapResponse;
import io.maildrill.imap.ImapSession;
import io.maildrill.imap.SelectResult;
import io.maildrill.model.MessageView;
import io.maildrill.net.ProtocolException;
import io.maildrill.run.session.ImapScriptSession;
import io.maildrill.run.session.StepFailure;
import io.maildrill.script.ast.Selection;
import io.maildrill.target.Target;
import io.maildrill.transcript.Transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code converge A B ...}: NOOP in each session, then a fresh session's
 * {@code UID FETCH 1:* (UID FLAGS)} is compared with each session's view — count, UIDs in order,
 * flags as sets ignoring {@code \Recent}. A message the view knows only from EXISTS (UID not yet
 * learnt) is compared by position only: not knowing is not believing something wrong.
 */
final class Converge {

    /** One message as the fresh session sees it. */
    private record Truth(long uid, Set<String> flags) {
    }

    private final Target target;
    private final Duration timeout;

    Converge(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    void run(int line, List<ImapScriptSession> sessions, Transcript transcript) {
        for (ImapScriptSession s : sessions) {
            ImapResponse.Tagged t = s.runSetup(line, "NOOP");
            if (!t.ok()) {
                throw new StepFailure(line, s.name(), "NOOP", "OK", t.toString());
            }
        }
        ImapScriptSession first = sessions.get(0);
        List<Truth> truth = serverView(line, first, transcript);
        for (ImapScriptSession s : sessions) {
            List<String> differences = compare(s, truth);
            if (!differences.isEmpty()) {
                throw new StepFailure(line, s.name(), "NOOP; fresh session: UID FETCH 1:* (UID FLAGS)",
                        s.name() + "'s view equals the server's (" + truth.size() + " messages)",
                        String.join("; ", differences));
            }
        }
    }

    private List<Truth> serverView(int line, ImapScriptSession first, Transcript transcript) {
        String mailbox = first.decl().selection() instanceof Selection.NamedMailbox n ? n.name()
                : first.decl().selection() instanceof Selection.Examine e && !e.name().isEmpty() ? e.name()
                : first.env().fixture().mailbox();
        try (ImapSession fresh = ImapSession.connect(target.requireImap(), target.tls(), transcript, timeout)) {
            ImapCompletion login = fresh.login(first.env().account().user(), first.env().account().password());
            if (!login.ok()) {
                throw new StepFailure(line, "converge", "LOGIN", "OK", login.tagged().toString());
            }
            SelectResult examine = fresh.examine(mailbox);
            if (!examine.ok()) {
                throw new StepFailure(line, "converge", "EXAMINE " + mailbox, "OK", examine.completion().tagged().toString());
            }
            List<Truth> out = new ArrayList<>();
            if (examine.exists().orElse(0) > 0) {
                ImapCompletion fetch = fresh.execute("UID FETCH 1:* (UID FLAGS)");
                List<ImapResponse.Fetch> fetches = new ArrayList<>(fetch.untagged(ImapResponse.Fetch.class));
                fetches.sort(Comparator.comparingLong(ImapResponse.Fetch::sequence));
                for (ImapResponse.Fetch f : fetches) {
                    out.add(new Truth(f.uid().orElse(0), normalise(f.flags().orElse(Set.of()))));
                }
            }
            fresh.logout();
            return out;
        } catch (ProtocolException e) {
            throw new StepFailure(line, "converge", "UID FETCH 1:* (UID FLAGS)", "the server's view", e.getMessage());
        }
    }

    private static List<String> compare(ImapScriptSession s, List<Truth> truth) {
        List<String> diffs = new ArrayList<>();
        List<MessageView> view = s.view().map(v -> v.messages()).orElse(List.of());
        String name = s.name();
        if (view.size() != truth.size()) {
            diffs.add(name + " believes " + view.size() + " messages, server has " + truth.size());
        }
        Set<Long> serverUids = new HashSet<>();
        truth.forEach(t -> serverUids.add(t.uid()));
        for (MessageView m : view) {
            if (m.uid() != 0 && !serverUids.contains(m.uid())) {
                diffs.add(name + " still holds UID " + m.uid());
            }
        }
        for (int i = 0; i < Math.min(view.size(), truth.size()) && diffs.size() < 6; i++) {
            MessageView m = view.get(i);
            Truth t = truth.get(i);
            if (m.uid() != 0 && m.uid() != t.uid()) {
                diffs.add(name + " has UID " + m.uid() + " at " + (i + 1) + ", server UID " + t.uid());
            } else if (m.uid() != 0 && !normalise(m.flags()).equals(t.flags())) {
                diffs.add(name + " believes message " + (i + 1) + " (UID " + t.uid() + ") has flags " + normalise(m.flags())
                        + ", server has " + t.flags());
            }
        }
        return diffs;
    }

    private static Set<String> normalise(Set<String> flags) {
        Set<String> out = new java.util.TreeSet<>();
        for (String f : flags) {
            String u = f.toUpperCase(Locale.ROOT);
            if (!u.equals("\\RECENT")) {
                out.add(u);
            }
        }
        return out;
    }
}
