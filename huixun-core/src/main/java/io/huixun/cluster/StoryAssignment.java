package io.huixun.cluster;

import java.util.List;

/**
 * Where {@link ActiveStoryClusterer#assign} put an article, and the story states to save.
 * {@link #changed()} always holds the state of {@link #storyId()} after the article joined; for a merge, the absorbed
 * stories are gone from the active set: move their members to the survivor and delete them.
 */
public sealed interface StoryAssignment {
    /** The story the article now belongs to. */
    String storyId();

    /** The states to save (upsert by id). */
    List<StoryState> changed();

    /** The article began a new story, {@code s-<its id>}. */
    record Opened(String storyId, List<StoryState> changed) implements StoryAssignment {
        public Opened {
            changed = List.copyOf(changed);
        }
    }

    /** The article joined an active story. */
    record Joined(String storyId, List<StoryState> changed) implements StoryAssignment {
        public Joined {
            changed = List.copyOf(changed);
        }
    }

    /**
     * The article bridged two or more active stories: they became one, {@code survivorId} (the largest, then the
     * earliest), and the article joined it. Example: "中亚外长会晤" (3 reports) and "王毅会见哈萨克斯坦外长" (1 report)
     * are bridged by "王毅在阿拉木图出席中国—中亚外长会晤并会见哈萨克斯坦外长": Merged(s-a1, [s-b1]).
     */
    record Merged(String survivorId, List<String> absorbedIds, List<StoryState> changed) implements StoryAssignment {
        public Merged {
            absorbedIds = List.copyOf(absorbedIds);
            changed = List.copyOf(changed);
        }

        @Override
        public String storyId() {
            return survivorId;
        }
    }
}
