package io.maildrill.load;

/** Shard reports that cannot be merged (another run, a shard given twice, a log that is not its report's); the message names the file. */
public final class ShardMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShardMismatchException(String message) {
        super(message);
    }
}
