package io.maildrill.faults;

import java.io.IOException;
import java.net.Socket;

/** The two socket chores every fake server and proxy here needs. */
final class Sockets {

    private Sockets() {
    }

    /** Starts {@code body} on a daemon thread, so a forgotten fake never keeps the test JVM alive. */
    static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
