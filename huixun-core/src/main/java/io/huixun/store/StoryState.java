package io.huixun.store;

/** The clusterer's working state of one active story, as stored (opaque to the store). */
public record StoryState(String storyId, String state) {}
