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
        SilentStore.apply("STORE 1,3 +FLAGS.SILENT (\\Deleted)", view);
        SilentStore.apply("STORE 2:* -FLAGS.SILENT (\\Seen)", view);
        SilentStore.apply("UID STORE 12 FLAGS.SILENT (\\Flagged \\Answered)", view);
        assertThat(view.messages()).extracting(MessageView::flags).containsExactly(
                Set.of("\\DELETED"), Set.of("\\FLAGGED", "\\ANSWERED"), Set.of("\\DELETED"));
    }

    @Test
    void ignoresEverythingButSilentStores() {
        MailboxView view = view();
        SilentStore.apply("STORE 1 +FLAGS (\\Deleted)", view);
        SilentStore.apply("FETCH 1:* FLAGS", view);
        assertThat(view.messages().get(0).flags()).isEmpty();
    }
}
