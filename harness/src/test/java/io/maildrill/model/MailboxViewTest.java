package io.maildrill.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailboxViewTest {

    @Test
    void originalNumbersFollowExpungesReportedInAnyLegalOrder() {
        // Deleting #2 and #4 of 5: a server may say "EXPUNGE 2, EXPUNGE 3" or "EXPUNGE 4, EXPUNGE 2".
        MailboxView ascending = MailboxView.selected(5);
        ascending.onExpunge(2);
        ascending.onExpunge(3);
        MailboxView descending = MailboxView.selected(5);
        descending.onExpunge(4);
        descending.onExpunge(2);

        for (MailboxView view : List.of(ascending, descending)) {
            assertThat(view.size()).isEqualTo(3);
            assertThat(view.currentNumber(1)).isEqualTo(1);
            assertThat(view.currentNumber(3)).isEqualTo(2);
            assertThat(view.currentNumber(5)).isEqualTo(3);
            assertThat(view.contains(2)).isFalse();
            assertThatThrownBy(() -> view.currentNumber(4)).isInstanceOf(ModelViolation.class).hasMessageContaining("#4");
        }
    }

    @Test
    void fetchRecordsUidsAndFlagsAsCaseInsensitiveSets() {
        MailboxView view = MailboxView.selected(2);
        view.onFetch(1, 101L, Set.of("\\Seen", "\\deleted"));
        view.onFetch(1, null, null);
        assertThat(view.messages().get(0)).isEqualTo(new MessageView(1, 101, Set.of("\\SEEN", "\\DELETED")));
        assertThat(view.uids()).containsExactly(101L, 0L);
    }

    @Test
    void vanishedRemovesByUid() {
        MailboxView view = withUids(10, 11, 12);
        view.onVanished(List.of(11L));
        assertThat(view.uids()).containsExactly(10L, 12L);
    }

    @Test
    void vanishedOfANewArrivalNotYetFetchedStillLowersTheCount() {
        // B was told "* 4 EXISTS" but never fetched message 4's UID; A expunges it and B hears
        // "* VANISHED 13": the count must drop to 3, and messages of known UID stay.
        MailboxView view = withUids(10, 11, 12);
        view.onExists(5);
        view.onVanished(List.of(14L, 11L));
        assertThat(view.uids()).containsExactly(10L, 12L, 0L);
        view.onVanished(List.of(13L));
        assertThat(view.uids()).containsExactly(10L, 12L);
    }

    @Test
    void vanishedOfAUidNoVisibleMessageCanHaveIsAViolation() {
        MailboxView view = withUids(10, 12);
        assertThatThrownBy(() -> view.onVanished(List.of(11L))).isInstanceOf(ModelViolation.class)
                .hasMessageContaining("UID 11").hasMessageContaining("§3.2.10.2");
        view.onVanished(List.of(12L));
        assertThatThrownBy(() -> view.onVanished(List.of(12L))).isInstanceOf(ModelViolation.class);
    }

    @Test
    void impossibleResponsesAreViolations() {
        MailboxView view = MailboxView.selected(3);
        assertThatThrownBy(() -> view.onExpunge(4)).isInstanceOf(ModelViolation.class);
        assertThatThrownBy(() -> view.onExists(2)).isInstanceOf(ModelViolation.class).hasMessageContaining("EXISTS 2");
        assertThatThrownBy(() -> view.onFetch(9, 1L, null)).isInstanceOf(ModelViolation.class);
        view.onFetch(1, 5L, null);
        assertThatThrownBy(() -> view.onFetch(1, 6L, null)).hasMessageContaining("UID 5");
        view.onExists(4);
        assertThat(view.messages().get(3).originalNumber()).isZero();
    }

    /** A selected mailbox whose messages 1..n have these UIDs, learnt from FETCH. */
    private static MailboxView withUids(long... uids) {
        MailboxView view = MailboxView.selected(uids.length);
        for (int i = 0; i < uids.length; i++) {
            view.onFetch(i + 1, uids[i], null);
        }
        return view;
    }
}
