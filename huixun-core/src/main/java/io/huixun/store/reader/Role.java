package io.huixun.store.reader;

/** What an account may do: an administrator manages sources and accounts; a reader reads and keeps own state. */
public enum Role {
    ADMIN,
    READER
}
