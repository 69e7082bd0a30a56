package io.maildrill.run.match;

import io.maildrill.imap.ImapValue;

import java.util.List;

/**
 * One element of a response as patterns see it: an IMAP value, or a bracketed response code
 * (which is not an IMAP value, but is matched element-wise by {@code [ ... ]} patterns).
 */
public sealed interface Datum {

    record Plain(ImapValue value) implements Datum {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    record Code(List<ImapValue> elements) implements Datum {
        public Code {
            elements = List.copyOf(elements);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                sb.append(i > 0 ? " " : "").append(elements.get(i));
            }
            return sb.append(']').toString();
        }
    }

    static List<Datum> plain(List<ImapValue> values) {
        return values.stream().<Datum>map(Plain::new).toList();
    }
}
