package io.maildrill.provision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;

/**
 * Writes messages into one maildir the way a delivery agent does: each file is written in
 * {@code tmp/} and renamed into {@code cur/}, so the server never sees a partial message. Safe to
 * call from several threads.
 *
 * <p>File names follow Dovecot's form {@code TIME.M<usec>P<pid>Q<n>.HOST,S=<size>,W=<vsize>:2,}.
 * {@code S=} (octets on disk) and {@code W=} (octets with CRLF line ends, the RFC822.SIZE) let
 * Dovecot index the mailbox without opening a single file for its size. TIME and usec are derived
 * from the message's index rather than read from the clock: Dovecot gives new files their UIDs in
 * the order of those fields, so message {@code i} becomes UID order {@code i} whatever order the
 * writer threads finish in.
 *
 * <p>Files get the owner and group of the maildir, because the server's mail processes run as
 * that user (Dovecot's {@code vmail} here) and must rename and read them. When this process runs
 * as someone else, it must be allowed to hand files over (root); otherwise the first message fails
 * with a message saying so.
 */
final class MaildirWriter {

    private final Path directory;
    private final Path tmp;
    private final Path cur;
    private final long firstSecond;
    private final String suffix;
    private final UserPrincipal owner;
    private final GroupPrincipal group;
    private volatile Boolean handOver;

    /** Checks that {@code directory} is a maildir this process can write into; says what is wrong otherwise. */
    MaildirWriter(Path directory, long firstSecond) {
        this.directory = directory;
        this.tmp = directory.resolve("tmp");
        this.cur = directory.resolve("cur");
        this.firstSecond = firstSecond;
        for (Path sub : new Path[] {tmp, cur}) {
            if (!Files.isDirectory(sub)) {
                throw new ProvisionException("no maildir at " + directory + ": " + sub + " is not a directory");
            }
            if (!Files.isWritable(sub)) {
                throw new ProvisionException("maildir " + directory + ": " + sub + " is not writable by this process");
            }
        }
        try {
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
            this.owner = attributes.owner();
            this.group = attributes.group();
        } catch (IOException | UnsupportedOperationException e) {
            throw new ProvisionException("maildir " + directory + ": cannot read its owner (" + e.getMessage() + ")", e);
        }
        this.suffix = "P" + ProcessHandle.current().pid() + "Q";
    }

    Path directory() {
        return directory;
    }

    /** Writes message {@code index} ({@code host} already escaped) and returns the octets written. */
    long write(long index, byte[] message, String host) throws IOException {
        String base = (firstSecond + index / 1_000_000) + ".M" + (index % 1_000_000) + suffix + index + "." + host
                + ",S=" + message.length + ",W=" + virtualSize(message);
        Path staged = tmp.resolve(base);
        try (OutputStream out = Files.newOutputStream(staged)) {
            out.write(message);
        }
        handOver(staged);
        Files.move(staged, cur.resolve(base + ":2,"), StandardCopyOption.ATOMIC_MOVE);
        return message.length;
    }

    /** The size with every bare LF counted as CRLF, as the server computes RFC822.SIZE. */
    static long virtualSize(byte[] message) {
        long size = message.length;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) {
                size++;
            }
        }
        return size;
    }

    /** The host name as Dovecot writes it into file names: '/' and ':' escaped, as they have a meaning there. */
    static String escapedHost(String host) {
        return host.replace("/", "\\057").replace(":", "\\072").toLowerCase(Locale.ROOT);
    }

    private void handOver(Path file) throws IOException {
        Boolean needed = handOver;
        if (needed == null) {
            PosixFileAttributes mine = Files.readAttributes(file, PosixFileAttributes.class);
            needed = !mine.owner().equals(owner) || !mine.group().equals(group);
            handOver = needed;
        }
        if (needed) {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            try {
                view.setOwner(owner);
                view.setGroup(group);
            } catch (FileSystemException e) {
                Files.deleteIfExists(file);
                throw new ProvisionException("maildir " + directory + " belongs to " + owner.getName() + ":" + group.getName()
                        + ", whose mail processes must own its files, and this process cannot give them away ("
                        + e.getMessage() + "); run seed as " + owner.getName() + " or as root", e);
            }
        }
    }
}
