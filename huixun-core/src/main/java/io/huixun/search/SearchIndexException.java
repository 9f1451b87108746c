package io.huixun.search;

/** The index could not be read or written (I/O failure, corrupt files). Keeps the cause. */
public final class SearchIndexException extends RuntimeException {
    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
