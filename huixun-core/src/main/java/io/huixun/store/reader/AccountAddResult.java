package io.huixun.store.reader;

/** The outcome of {@link ReaderStore#addAccount}. */
public sealed interface AccountAddResult {
    /** Created now. */
    record Added(Account account) implements AccountAddResult {
    }

    /** An account of that name exists; nothing changed. */
    record NameTaken(String name) implements AccountAddResult {
    }
}
