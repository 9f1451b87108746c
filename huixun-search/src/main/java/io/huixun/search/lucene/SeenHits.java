package io.huixun.search.lucene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.RoaringDocIdSet;

/**
 * Facet input made from hits already collected: when the top-hits pass saw every match (a rare phrase has a handful),
 * facets are counted from those hits instead of running the query a second time. Example: 12 matches, all in the
 * top 30 → one {@code MatchingDocs} per segment, holding those of its documents that are hits.
 *
 * <p>Made and used by one search on one thread.
 */
final class SeenHits extends FacetsCollector {
    private final List<MatchingDocs> docs;

    private SeenHits(List<MatchingDocs> docs) {
        this.docs = docs;
    }

    static SeenHits of(IndexSearcher searcher, ScoreDoc[] hits) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[] sorted = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().distinct().toArray();
        List<MatchingDocs> out = new ArrayList<>(leaves.size());
        int i = 0;
        // One entry for every segment, hits or none: Lucene's SortedSetDocValuesFacetCounts maps segment ordinals to
        // the index's only when it is given more than one entry, and takes a single entry for a single-segment index.
        // Given only the one segment that holds the hits of a three-segment index, it counted that segment's
        // ordinals as the index's and named other documents' days, sources and places.
        for (LeafReaderContext leaf : leaves) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            RoaringDocIdSet.Builder bits = new RoaringDocIdSet.Builder(leaf.reader().maxDoc());
            int n = 0;
            for (; i < sorted.length && sorted[i] < end; i++, n++) {
                bits.add(sorted[i] - leaf.docBase);
            }
            out.add(new MatchingDocs(leaf, bits.build(), n, null));
        }
        return new SeenHits(List.copyOf(out));
    }

    @Override
    public List<MatchingDocs> getMatchingDocs() {
        return docs;
    }
}
