package io.maildrill.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one provisioning worker per connection and waits for all of them; the first failure
 * ends the run and reaches the caller as a {@link ProvisionException} naming {@code what}.
 */
final class ParallelConnections {

    /** One connection's loop: open, take work until none is left, close. */
    @FunctionalInterface
    interface Worker {
        void run() throws Exception;
    }

    private ParallelConnections() {
    }

    static void run(int connections, String threadName, String what, Worker worker) {
        ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Callable<Void> task = () -> {
                    worker.run();
                    return null;
                };
                workers.add(pool.submit(task));
            }
            for (Future<Void> future : workers) {
                future.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new ProvisionException(what + " failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("interrupted during " + what, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
