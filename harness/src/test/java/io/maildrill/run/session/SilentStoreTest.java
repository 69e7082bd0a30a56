package io.maildrill.run.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.model.MailboxView;
import io.maildrill.model.MessageView;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilentStoreTest {

    private static MailboxView view() {
        MailboxView view = MailboxView.selected(3);
        view.onFetch(1, 11L, Set.of());
        view.onFetch(2, 12L, Set.of("\\Seen"));
        view.onFetch(3, 13L, Set.of("\\Seen"));
        return view;
    }

    @Test
    void addsRemovesAndReplacesFlagsOnTheNamedMessages() {
        MailboxView view = view();
        SilentStore.of("STORE 1,3 +FLAGS.SILENT (\\Deleted)").orElseThrow().applyTo(view);
        SilentStore.of("STORE 2:* -FLAGS.SILENT (\\Seen)").orElseThrow().applyTo(view);
        SilentStore.of("UID STORE 12 FLAGS.SILENT (\\Flagged \\Answered)").orElseThrow().applyTo(view);
        assertThat(view.messages()).extracting(MessageView::flags).containsExactly(
                Set.of("\\DELETED"), Set.of("\\FLAGGED", "\\ANSWERED"), Set.of("\\DELETED"));
    }

    @Test
    void onlySilentStoresAreChangesTheSessionApplies() {
        assertThat(SilentStore.of("STORE 1 +FLAGS (\\Deleted)")).isEmpty();
        assertThat(SilentStore.of("FETCH 1:* FLAGS")).isEmpty();
        assertThat(SilentStore.of("uid store 5:7 -flags.silent (\\Seen $Junk)"))
                .hasValue(new SilentStore(true, "5:7", '-', Set.of("\\SEEN", "$JUNK")));
    }
}
