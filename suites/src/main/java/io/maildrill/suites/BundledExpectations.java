package io.maildrill.suites;

import io.maildrill.run.Expectations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The expectations files shipped for known servers ({@code expectations/greenmail.txt},
 * {@code expectations/dovecot.txt}), picked by the target's name.
 */
public final class BundledExpectations {

    private BundledExpectations() {
    }

    /** The bundled known failures of the server named {@code targetName}, or none. */
    public static Expectations forTarget(String targetName) {
        String resource = "/expectations/" + targetName.toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = BundledExpectations.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Expectations.none();
            }
            return Expectations.parse("expectations/" + targetName.toLowerCase(Locale.ROOT) + ".txt",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
