package io.maildrill.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled profiles (resources next to this class), and profile files named by path. */
public final class LoadProfiles {

    /** Bundled profile names, documented in docs/load.md. */
    public static final List<String> BUNDLED = List.of("imaptest", "devices", "idle", "pop3");

    private LoadProfiles() {
    }

    /**
     * A bundled profile by name, or else a file by path.
     *
     * @throws LoadProfileException when neither exists or the profile does not parse
     */
    public static LoadProfile load(String nameOrPath) {
        if (BUNDLED.contains(nameOrPath)) {
            String resource = "profiles/" + nameOrPath + ".profile";
            try (InputStream in = LoadProfiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new LoadProfileException("bundled profile " + nameOrPath + " is missing from the jar");
                }
                return LoadProfileParser.parse(nameOrPath + ".profile", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new LoadProfileException("cannot read bundled profile " + nameOrPath + ": " + e.getMessage());
            }
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new LoadProfileException("no profile \"" + nameOrPath + "\": not one of " + BUNDLED + " and no such file");
        }
        try {
            return LoadProfileParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LoadProfileException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
