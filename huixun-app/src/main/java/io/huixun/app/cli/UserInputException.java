package io.huixun.app.cli;

/** Bad input from the user (a missing file, undecodable bytes): reported as one line on stderr, exit code 1. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
