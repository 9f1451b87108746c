package io.huixun.store.reader;

/** What a follow is of; the follow's target says which one. */
public enum FollowKind {
    /** A source, target = its id ("12"). */
    SOURCE,
    /** A story, target = its id. */
    STORY,
    /** A person, place or organisation, target = the name ("王毅"). */
    ENTITY,
    /** A search query, target = the query ("芯片 出口管制"). */
    QUERY
}
