package io.huixun.store.reader;

/** Which articles a reading list draws from. */
public sealed interface ReadingScope {
    /** The articles of every source the reader follows (Google Reader's reading-list). */
    record Subscribed() implements ReadingScope {
    }

    /** The articles of one followed source. */
    record OneSource(long sourceId) implements ReadingScope {
    }

    /** The articles of the followed sources filed in one folder. */
    record OneFolder(long folderId) implements ReadingScope {
    }

    /** The reader's starred articles, wherever they come from. */
    record Starred() implements ReadingScope {
    }
}
