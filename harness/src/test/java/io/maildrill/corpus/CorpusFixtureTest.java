package io.maildrill.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusFixtureTest {

    @Test
    void parsesTheScriptForm() {
        CorpusFixture f = CorpusFixture.parse("messages=20 shapes=plain,dot-lines profile=tiny seed=7");
        assertThat(f).isEqualTo(new CorpusFixture(20, ShapeMix.cycle(List.of(MessageShape.PLAIN, MessageShape.DOT_LINES)),
                SizeProfile.tiny(), 7));
        assertThat(f.corpus().message(1).shape()).isEqualTo(MessageShape.DOT_LINES);
        assertThat(f.toSpec().messageCount()).isEqualTo(20);
    }

    @Test
    void defaultsAreMixedRealisticSeedZero() {
        CorpusFixture f = CorpusFixture.parse("  messages=3\t");
        assertThat(f).isEqualTo(new CorpusFixture(3, ShapeMix.mixed(), SizeProfile.realistic(), 0));
    }

    @Test
    void textFormRoundTrips() {
        for (String text : List.of("messages=5 shapes=mixed profile=large seed=-3",
                "messages=0 shapes=empty-body,long-lines,eight-bit profile=2048..65536 seed=9")) {
            CorpusFixture f = CorpusFixture.parse(text);
            assertThat(f.toText()).isEqualTo(text);
            assertThat(CorpusFixture.parse(f.toText())).isEqualTo(f);
        }
    }

    @Test
    void unknownShapeNamesTheTokenColumnAndTheAcceptedShapes() {
        FixtureSyntaxException e = catchThrowableOfType(
                () -> CorpusFixture.parse("messages=20 shapes=plain,dots"), FixtureSyntaxException.class);
        assertThat(e.token()).isEqualTo("shapes=plain,dots");
        assertThat(e.column()).isEqualTo(13);
        assertThat(e.getMessage()).contains("unknown shape 'dots'", "dot-lines", "mixed");
    }

    @Test
    void otherMistakesSayWhatWasWrongAndWhatWasExpected() {
        assertThatThrownBy(() -> CorpusFixture.parse("shapes=plain"))
                .hasMessageContaining("no message count").hasMessageContaining("messages=<count>");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=ten"))
                .hasMessageContaining("'messages=ten'").hasMessageContaining("whole number");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=-1"))
                .hasMessageContaining("'-1'");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=1 size=tiny"))
                .hasMessageContaining("unknown key 'size'").hasMessageContaining("profile=");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=1 profile=huge"))
                .hasMessageContaining("'huge'").hasMessageContaining("tiny, realistic, large");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=1 seed=x7"))
                .hasMessageContaining("'seed=x7'").hasMessageContaining("64-bit integer");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=1 messages=2"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=1 tiny"))
                .isInstanceOf(FixtureSyntaxException.class).hasMessageContaining("'tiny'")
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> CorpusFixture.parse("messages=1 shapes=plain,,dot-lines"))
                .hasMessageContaining("empty shape name");
    }
}
