package io.huixun.search.lucene;

import io.huixun.search.semantics.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
 * Counts the distinct groups (stories: a canonical article and its copies) among a query's matches, and stops at a
 * limit: the collapsed total of a search costs at most about {@code limit} matches, however many there are. Example:
 * a query matching {@code c, d1 (copy of c), e} → 2; a query matching 20,000 articles with limit 1,000 → 1,000 (the
 * caller reports "1,000+").
 *
 * <p>Each search gets its own collectors (confined to the searching thread); the set of keys is per collector.
 */
final class GroupCounter implements Collector {
    private final int limit;
    private final Set<Object> keys = new HashSet<>();

    private GroupCounter(int limit) {
        this.limit = limit;
    }

    /** The number of distinct groups among the matches of {@code query}, at most {@code limit}. */
    static int count(IndexSearcher searcher, Query query, int limit) throws IOException {
        return searcher.search(query, manager(limit));
    }

    /** Counts distinct groups up to {@code limit}; can share a pass with other collectors. */
    static CollectorManager<GroupCounter, Integer> manager(int limit) {
        return new CollectorManager<GroupCounter, Integer>() {
            final Collection<GroupCounter> made = new ArrayList<>();

            @Override
            public GroupCounter newCollector() {
                GroupCounter c = new GroupCounter(limit);
                synchronized (made) {
                    made.add(c);
                }
                return c;
            }

            @Override
            public Integer reduce(Collection<GroupCounter> collectors) {
                Set<Object> all = new HashSet<>();
                for (GroupCounter c : collectors) {
                    all.addAll(c.keys);
                    if (all.size() >= limit) {
                        return limit;
                    }
                }
                return all.size();
            }
        };
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        if (keys.size() >= limit) {
            throw new CollectionTerminatedException();
        }
        SortedDocValues values = context.reader().getSortedDocValues(DocumentFields.GROUP_KEY);
        var stored = context.reader().storedFields();
        Set<String> groupField = Set.of(IndexFields.GROUP);
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {}

            @Override
            public void collect(int doc) throws IOException {
                // Keys are strings either way, so groups count the same across old and new segments.
                if (values != null && values.advanceExact(doc)) {
                    keys.add(values.lookupOrd(values.ordValue()).utf8ToString());
                } else {
                    keys.add(stored.document(doc, groupField).get(IndexFields.GROUP));
                }
                if (keys.size() >= limit) {
                    throw new CollectionTerminatedException();
                }
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
