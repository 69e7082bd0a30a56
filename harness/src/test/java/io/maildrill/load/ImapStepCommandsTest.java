package io.maildrill.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.maildrill.imap.ImapCommand;
import io.maildrill.imap.SequenceSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ImapStepCommandsTest {

    private final ImapStepCommands commands = new ImapStepCommands("INBOX", 30,
            List.of("Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)), "run1/user1/1");

    @Test
    void fetchesNameMessagesInsideTheMailboxAndAlwaysAskForUid() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            String fetch = commands.command(ImapStep.FETCH, 33, false, random).orElseThrow().toString();
            assertThat(fetch).startsWith("FETCH ").contains("(UID");
            String set = fetch.split(" ")[1];
            assertThat(SequenceSet.expand(set)).allMatch(n -> n >= 1 && n <= 33);
            String fetch2 = commands.command(ImapStep.FETCH2, 33, false, random).orElseThrow().toString();
            assertThat(fetch2).matches("FETCH ([1-9]|[12][0-9]|3[0-3]) \\(UID [A-Z0-9.\\[\\]]+\\)");
        }
    }

    @Test
    void storeAndDeleteSometimesHaveNothingToDoAndNeverStoreDeletedByAccident() {
        SplittableRandom random = new SplittableRandom(5);
        int empty = 0;
        for (int i = 0; i < 200; i++) {
            Optional<ImapCommand> store = commands.command(ImapStep.STORE, 30, false, random);
            if (store.isEmpty()) {
                empty++;
            } else {
                assertThat(store.get().toString()).matches("STORE [0-9:,]+ [+-]?FLAGS(\\.SILENT)? \\(.*\\)")
                        .doesNotContain("\\Deleted");
            }
            commands.command(ImapStep.DELETE, 30, false, random)
                    .ifPresent(d -> assertThat(d.toString()).endsWith("(\\Deleted)"));
        }
        assertThat(empty).isBetween(1, 199);
    }

    @Test
    void appendStopsAnEighthAboveTheTargetSizeAsImaptestDoes() {
        assertThat(commands.appendHasRoom(33)).isTrue();
        assertThat(commands.appendHasRoom(34)).isFalse();
        assertThat(commands.command(ImapStep.APPEND, 40, false, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void selectAsksForCondstoreOnlyWhenTheServerHasIt() {
        assertThat(commands.command(ImapStep.SELECT, 0, true, new SplittableRandom(1)).orElseThrow().toString())
                .isEqualTo("SELECT INBOX (CONDSTORE)");
        assertThat(commands.command(ImapStep.SELECT, 0, false, new SplittableRandom(1)).orElseThrow().toString())
                .isEqualTo("SELECT INBOX");
    }

    @Test
    void sequenceSetsJoinRuns() {
        assertThat(SequenceSet.format(new TreeSet<>(List.of(1L, 2L, 3L, 7L, 9L, 10L)))).isEqualTo("1:3,7,9:10");
        assertThat(SequenceSet.format(new TreeSet<>(List.of(4L)))).isEqualTo("4");
        assertThat(SequenceSet.format(new TreeSet<>())).isEmpty();
    }

    @Test
    void everyAppendIsUniqueAndItsIdReadsBack() {
        byte[] first = literal(commands.command(ImapStep.APPEND, 0, false, new SplittableRandom(1)).orElseThrow());
        byte[] second = literal(commands.command(ImapStep.APPEND, 0, false, new SplittableRandom(1)).orElseThrow());

        assertThat(first).isNotEqualTo(second);
        assertThat(ImapStepCommands.appendIdOf(first)).contains("run1/user1/1/1");
        assertThat(ImapStepCommands.appendIdOf(second)).contains("run1/user1/1/2");
        assertThat(new String(first, StandardCharsets.US_ASCII)).endsWith("Subject: x\r\n\r\nbody\r\n");
        assertThat(ImapStepCommands.appendIdOf("Subject: x\r\n\r\nX-Maildrill-Load-Append: body\r\n"
                .getBytes(StandardCharsets.US_ASCII))).as("the header block only").isEmpty();
    }

    private static byte[] literal(ImapCommand command) {
        return command.parts().stream().filter(p -> p instanceof ImapCommand.Literal)
                .map(p -> ((ImapCommand.Literal) p).bytes()).findFirst().orElseThrow();
    }
}
