package io.maildrill.imap;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outcome of one command: its tagged response and every untagged response that arrived while
 * it was in progress, in arrival order.
 *
 * <p>Attribution rule: an untagged response (or malformed reply, or continuation no command
 * consumed) is added to <em>every</em> command in progress when it arrives, because IMAP does not
 * say which command caused it; with one command at a time this is exactly that command's data.
 * A command is in progress from the moment it is queued for sending until its tagged response.
 * FETCH responses of a streaming fetch go to its consumer only and are not collected here.
 *
 * @param tag      the tag used
 * @param tagged   the tagged completion
 * @param untagged responses attributed to this command, in arrival order
 * @param elapsed  from queuing the command to receiving the tagged response
 */
public record ImapCompletion(String tag, ImapResponse.Tagged tagged, List<ImapResponse> untagged, Duration elapsed) {

    public ImapCompletion {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(tagged, "tagged");
        untagged = List.copyOf(untagged);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public Status status() {
        return tagged.status();
    }

    public boolean ok() {
        return tagged.status() == Status.OK;
    }

    /** The untagged responses of one kind, e.g. {@code untagged(ImapResponse.Fetch.class)}. */
    public <T extends ImapResponse> List<T> untagged(Class<T> kind) {
        return untaggedStream(kind).toList();
    }

    public <T extends ImapResponse> Stream<T> untaggedStream(Class<T> kind) {
        return untagged.stream().filter(kind::isInstance).map(kind::cast);
    }

    /** Octets received for this command (untagged and tagged responses). */
    public long wireLength() {
        return tagged.wireLength() + untagged.stream().mapToLong(ImapResponse::wireLength).sum();
    }

    @Override
    public String toString() {
        return tag + " " + tagged.status() + tagged.code().map(c -> " " + c).orElse("") + " " + tagged.text()
                + " (" + untagged.size() + " untagged, " + elapsed.toMillis() + " ms)";
    }
}
