package io.maildrill.script.ast;

import java.util.List;

/**
 * One {@code @requires} line: capabilities the server must advertise for {@code protocol}
 * (IMAP {@code CAPABILITY}, POP3 {@code CAPA}). If one is missing the runner skips the whole
 * script with the reason {@code "server lacks <protocol> capability <name>"}.
 */
public record CapabilityRequirement(int line, Protocol protocol, List<String> capabilities) implements Located {
    public CapabilityRequirement {
        Located.requireLine(line);
        capabilities = List.copyOf(capabilities);
    }
}
