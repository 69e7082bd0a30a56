package io.maildrill.run;

import io.maildrill.script.ast.Script;
import io.maildrill.script.ast.SessionDecl;

/** A script that parsed, with the id reports and expectations know it by. */
public record ParsedScript(String id, Script script) {

    /** How many distinct test accounts the script's sessions use (the highest {@code account=N}). */
    public int accountsNeeded() {
        return script.sessions().stream().mapToInt(SessionDecl::account).max().orElse(1);
    }

    /** Whether running it changes mailbox contents: fixture loading empties the mailbox first. */
    public boolean changesMailboxes() {
        return script.metadata().destructive() || script.metadata().fixture().isPresent();
    }
}
