package io.huixun.app.web.view;

import io.huixun.store.Source;
import java.util.List;

/**
 * One page of the sources list (about {@code 100} sources, never the whole table: 4,404 sources were a 950 KB
 * page). Paged by id: {@code ?after=ID} shows the sources after that id, {@code ?before=ID} those before it.
 *
 * @param sources  this page's sources, in id order
 * @param total    how many sources there are in all
 * @param hasPrev  there are sources before this page
 * @param hasNext  there are sources after this page
 */
public record SourcesView(List<Source> sources, int total, boolean hasPrev, boolean hasNext) {
    public SourcesView {
        sources = List.copyOf(sources);
    }

    public long firstId() {
        return sources.isEmpty() ? 0 : sources.get(0).id();
    }

    public long lastId() {
        return sources.isEmpty() ? 0 : sources.get(sources.size() - 1).id();
    }

    /** How a source is doing, for the status column. */
    public enum State { PAUSED, NEVER_FETCHED, OK, FAILING }

    public static State state(Source s) {
        if (s.paused()) {
            return State.PAUSED;
        }
        if (s.health().lastSuccess().isEmpty() && s.health().lastErrorAt().isEmpty()) {
            return State.NEVER_FETCHED;
        }
        return s.health().consecutiveFailures() == 0 ? State.OK : State.FAILING;
    }
}
