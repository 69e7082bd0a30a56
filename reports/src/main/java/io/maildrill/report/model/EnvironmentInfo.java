package io.maildrill.report.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harness ran. The host name is needed for Surefire-compatible JUnit XML; it is read from the
 * environment or {@code /etc/hostname}, never by a DNS lookup (which could hang).
 */
public record EnvironmentInfo(String javaVersion, String os, int hostCores, String hostName) {

    public EnvironmentInfo {
        Checks.nonBlank(javaVersion, "javaVersion");
        Checks.nonBlank(os, "os");
        Checks.positive(hostCores, "hostCores");
        Checks.nonBlank(hostName, "hostName");
    }

    /** Describes the running JVM and host. */
    public static EnvironmentInfo current() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")";
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        return new EnvironmentInfo(java, os, Runtime.getRuntime().availableProcessors(), localHostName());
    }

    private static String localHostName() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        try {
            String value = Files.readString(Path.of("/etc/hostname")).trim();
            return value.isEmpty() ? "localhost" : value;
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
