package io.huixun.store.reader;

import java.util.Objects;

/** A reader's folder (a Google Reader label, a Fever group) holding some of the sources the reader follows. */
public record Folder(long id, String name) {
    public Folder {
        Objects.requireNonNull(name, "name");
    }
}
