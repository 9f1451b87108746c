package io.huixun.store;

/**
 * The store could not do what was asked for a reason outside the caller's input: the database file is unreadable,
 * the disk is full, a migration failed. Keeps the driver's exception as its cause.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
