package io.maildrill.run;

import io.maildrill.target.Account;
import java.util.ArrayList;
import java.util.List;

/**
 * Lends a target's accounts to scripts running in parallel. A script that declares
 * {@code account=1..N} gets N accounts nobody else holds, so two scripts never load fixtures
 * into, or lock, the same maildrop at once. Scripts wait (bounded) when too few are free.
 */
final class AccountPool {

    private final List<Account> free;
    private final int size;

    AccountPool(List<Account> accounts) {
        this.free = new ArrayList<>(accounts);
        this.size = accounts.size();
    }

    int size() {
        return size;
    }

    /** Takes {@code n} free accounts, waiting until they are available. */
    synchronized List<Account> lease(int n) throws InterruptedException {
        if (n > size) {
            throw new IllegalArgumentException("script needs " + n + " accounts; the target has " + size);
        }
        while (free.size() < n) {
            wait();
        }
        List<Account> leased = new ArrayList<>(free.subList(0, n));
        free.subList(0, n).clear();
        return leased;
    }

    synchronized void giveBack(List<Account> accounts) {
        free.addAll(accounts);
        notifyAll();
    }
}
