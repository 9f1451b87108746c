package io.huixun.search.lucene;

import io.huixun.search.semantics.IndexFields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts a query's matches, up to a cap, and the distinct groups (stories: a canonical article and its copies)
 * among them, up to a limit, in one pass without scores that stops at the match cap: it costs at most about
 * {@code matchCap} matches, however many there are. Example: a query matching {@code c, d1 (copy of c), e} →
 * 3 matches, 2 groups; a query matching 300,000 articles with cap 5,000 and limit 1,000 → 5,000 matches (the caller
 * knows it is broad) and 1,000 groups (the caller reports "1,000+").
 *
 * <p>Each search gets its own collectors (confined to the searching thread); the set of keys is per collector, the
 * match count is shared by the collectors of one search (atomic), so leaves searched on several threads stop together.
 */
final class GroupCounter implements Collector {
    /** What one pass counted: {@code matches} stops at the cap, {@code groups} at the limit. */
    record Count(int matches, int groups) {}

    /**
     * Ends a whole search pass when the match cap is reached ({@link #aborting}): the other collectors of the pass
     * (top hits, facets) stop too, and the caller plans the query as broad. Carries what was counted.
     */
    static final class CapReached extends RuntimeException {
        private final transient Count count;
        private final int docsSeen;

        private CapReached(Count count, int docsSeen) {
            super("match cap reached", null, false, false);
            this.count = count;
            this.docsSeen = docsSeen;
        }

        Count count() {
            return count;
        }

        /** How far into the index (in document ids) the pass got: the cap's matches were among so many documents. */
        int docsSeen() {
            return docsSeen;
        }
    }

    private final int limit;
    private final int matchCap;
    private final AtomicInteger matches;
    private final boolean abort;
    private final Set<Object> keys = new HashSet<>();
    private int docBase;
    private int lastDoc;

    private GroupCounter(int limit, int matchCap, AtomicInteger matches, boolean abort) {
        this.limit = limit;
        this.matchCap = matchCap;
        this.matches = matches;
        this.abort = abort;
    }

    /** Counts the matches of {@code query} up to {@code matchCap} and their groups up to {@code limit}. */
    static Count count(IndexSearcher searcher, Query query, int limit, int matchCap) throws IOException {
        return searcher.search(query, manager(limit, matchCap, false));
    }

    /**
     * Counts as {@link #count} does, in a pass shared with other collectors; at the cap the whole pass ends with
     * {@link CapReached}.
     */
    static CollectorManager<GroupCounter, Count> aborting(int limit, int matchCap) {
        return manager(limit, matchCap, true);
    }

    private static CollectorManager<GroupCounter, Count> manager(int limit, int matchCap, boolean abort) {
        AtomicInteger matches = new AtomicInteger();
        return new CollectorManager<GroupCounter, Count>() {
            @Override
            public GroupCounter newCollector() {
                return new GroupCounter(limit, matchCap, matches, abort);
            }

            @Override
            public Count reduce(Collection<GroupCounter> collectors) {
                Set<Object> all = new HashSet<>();
                for (GroupCounter c : collectors) {
                    all.addAll(c.keys);
                    if (all.size() >= limit) {
                        break;
                    }
                }
                return new Count(Math.min(matches.get(), matchCap), Math.min(all.size(), limit));
            }
        };
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        if (matches.get() >= matchCap) {
            stop();
        }
        docBase = context.docBase;
        SortedDocValues values = context.reader().getSortedDocValues(DocumentFields.GROUP_KEY);
        var stored = context.reader().storedFields();
        Set<String> groupField = Set.of(IndexFields.GROUP);
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {}

            @Override
            public void collect(int doc) throws IOException {
                if (keys.size() < limit) {
                    // Keys are strings either way, so groups count the same across old and new segments.
                    if (values != null && values.advanceExact(doc)) {
                        keys.add(values.lookupOrd(values.ordValue()).utf8ToString());
                    } else {
                        keys.add(stored.document(doc, groupField).get(IndexFields.GROUP));
                    }
                }
                if (matches.incrementAndGet() >= matchCap) {
                    lastDoc = doc;
                    stop();
                }
            }
        };
    }

    private void stop() {
        if (abort) {
            throw new CapReached(new Count(matchCap, Math.min(keys.size(), limit)), docBase + lastDoc + 1);
        }
        throw new CollectionTerminatedException();
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
