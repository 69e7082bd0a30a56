package io.maildrill.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Structural assertions shared by the corpus tests, written against raw octets. */
final class MessageChecks {

    private MessageChecks() {
    }

    /** Every CR is followed by LF and every LF is preceded by CR. */
    static void assertCrlfOnly(byte[] m, String what) {
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '\r') {
                assertThat(i + 1 < m.length && m[i + 1] == '\n').as("%s: bare CR at offset %d", what, i).isTrue();
            } else if (m[i] == '\n') {
                assertThat(i > 0 && m[i - 1] == '\r').as("%s: bare LF at offset %d", what, i).isTrue();
            }
        }
    }

    /** The lines of {@code m[from, to)} without their CRLF; the region must end with CRLF or be empty. */
    static List<String> lines(byte[] m, int from, int to) {
        List<String> out = new ArrayList<>();
        int start = from;
        for (int i = from; i + 1 < to; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n') {
                out.add(new String(m, start, i - start, java.nio.charset.StandardCharsets.UTF_8));
                start = i + 2;
                i++;
            }
        }
        assertThat(start).as("region must end with CRLF").isEqualTo(to);
        return out;
    }

    /** Longest line in octets, CRLF excluded. */
    static int longestLine(byte[] m) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '\n') {
                longest = Math.max(longest, i - 1 - start);
                start = i + 1;
            }
        }
        return Math.max(longest, m.length - start);
    }

    static int firstCrlfCrlf(byte[] m) {
        for (int i = 0; i + 3 < m.length; i++) {
            if (m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
