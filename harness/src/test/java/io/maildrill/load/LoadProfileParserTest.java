package io.maildrill.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadProfileParserTest {

    @Test
    void readsSettingsPersonasAndSteps() {
        LoadProfile profile = LoadProfileParser.parse("p.profile", """
                # a comment
                profile two
                description two kinds of user
                mailbox Archive
                messages 50
                persona reader weight 3 think 250ms pipeline 4 idle 90s
                step LOGIN 100
                step FETCH2 100 repeat 30   # opens one, sometimes more
                persona poller
                step LOGIN 100
                step NOOP 50
                """);

        assertThat(profile.name()).isEqualTo("two");
        assertThat(profile.description()).isEqualTo("two kinds of user");
        assertThat(profile.mailbox()).isEqualTo("Archive");
        assertThat(profile.messages()).isEqualTo(50);
        assertThat(profile.personas()).hasSize(2);
        LoadProfile.Persona reader = profile.personas().get(0);
        assertThat(reader.weight()).isEqualTo(3);
        assertThat(reader.think()).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.steps()).containsExactly(new LoadProfile.Step(ImapStep.LOGIN, 100, 0),
                new LoadProfile.Step(ImapStep.FETCH2, 100, 30));
        assertThat(reader.pipeline()).isEqualTo(4);
        assertThat(reader.idle()).isEqualTo(Duration.ofSeconds(90));
        assertThat(profile.personas().get(1).think()).isZero();
        assertThat(profile.personas().get(1).pipeline()).as("one command at a time unless asked").isEqualTo(1);
        assertThat(profile.personas().get(1).idle()).as("RFC 2177's 29 minutes").isEqualTo(Duration.ofMinutes(29));
    }

    @Test
    void problemsNameTheFileAndLine() {
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p\nstep LOGIN 100\nstep FLY 10\n"))
                .isInstanceOf(LoadProfileException.class).hasMessageStartingWith("bad.profile:4: unknown step \"FLY\"");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p\nstep LOGIN 120\n"))
                .hasMessageStartingWith("bad.profile:3: a step's percent must be a whole number 0..100");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\nstep LOGIN 100\n"))
                .hasMessageStartingWith("bad.profile:2: a step needs a persona line above it");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p think soon\nstep LOGIN 100\n"))
                .hasMessageContaining("bad.profile:2: expected a duration like 500ms");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p pipeline 0\nstep LOGIN 100\n"))
                .hasMessageStartingWith("bad.profile:2: ").hasMessageContaining("pipeline");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p idle 0s\nstep LOGIN 100\n"))
                .hasMessageStartingWith("bad.profile:2: idle must be longer than zero");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p\nstep NOOP 100\n"))
                .hasMessageContaining("never logs in");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "persona p\nstep LOGIN 100\n"))
                .hasMessageContaining("no \"profile NAME\" line");
    }

    @Test
    void readsAPop3PersonaWithItsOwnSteps() {
        LoadProfile profile = LoadProfileParser.parse("p.profile", """
                profile mixed
                persona downloader protocol pop3 weight 2 think 1s
                step LOGIN 100
                step UIDL 100
                step RETR 100
                step DROP 10
                step QUIT 100
                persona sender protocol imap
                step LOGIN 100
                step APPEND 100
                """);

        LoadProfile.Persona downloader = profile.personas().get(0);
        assertThat(downloader.protocol()).isEqualTo(LoadProfile.Protocol.POP3);
        assertThat(downloader.steps()).containsExactly(new LoadProfile.Step(Pop3Step.LOGIN, 100, 0),
                new LoadProfile.Step(Pop3Step.UIDL, 100, 0), new LoadProfile.Step(Pop3Step.RETR, 100, 0),
                new LoadProfile.Step(Pop3Step.DROP, 10, 0), new LoadProfile.Step(Pop3Step.QUIT, 100, 0));
        assertThat(profile.personas().get(1).protocol()).isEqualTo(LoadProfile.Protocol.IMAP);
        assertThat(profile.uses(LoadProfile.Protocol.POP3)).isTrue();
        assertThat(LoadProfileParser.parse("q.profile", "profile q\npersona p\nstep LOGIN 100\n")
                .uses(LoadProfile.Protocol.POP3)).as("imap unless said").isFalse();
    }

    @Test
    void aStepOfTheOtherProtocolIsAMistakeNamedAsSuch() {
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile",
                "profile x\npersona p protocol pop3\nstep LOGIN 100\nstep SELECT 100\n"))
                .isInstanceOf(LoadProfileException.class)
                .hasMessageStartingWith("bad.profile:4: step \"SELECT\" is imap, but this persona is pop3");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p\nstep LOGIN 100\nstep RETR 100\n"))
                .hasMessageStartingWith("bad.profile:4: step \"RETR\" is pop3, but this persona is imap");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p protocol smtp\nstep LOGIN 100\n"))
                .hasMessageStartingWith("bad.profile:2: unknown protocol \"smtp\" (imap or pop3)");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile",
                "profile x\npersona p protocol pop3 pipeline 4\nstep LOGIN 100\n"))
                .hasMessageStartingWith("bad.profile:2: a pop3 persona waits for each answer");
        assertThatThrownBy(() -> LoadProfileParser.parse("bad.profile", "profile x\npersona p protocol pop3\nstep STAT 100\n"))
                .hasMessageContaining("never logs in");
    }

    @Test
    void everyBundledProfileParses() {
        for (String name : LoadProfiles.BUNDLED) {
            assertThat(LoadProfiles.load(name).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> LoadProfiles.load("no-such-profile")).isInstanceOf(LoadProfileException.class)
                .hasMessageContaining("not one of [imaptest, devices, idle, pop3]");
    }
}
