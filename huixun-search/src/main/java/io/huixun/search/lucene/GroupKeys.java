package io.huixun.search.lucene;

import io.huixun.search.semantics.IndexFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * The group key (canonical article id) of top hits: read from the {@link DocumentFields#GROUP_KEY} doc values, or from
 * the stored {@link DocumentFields#GROUP} of a segment written before those existed. Example: a copy {@code d1} of
 * {@code c} → {@code c}; {@code c} itself → {@code c}.
 *
 * <p>Confined to one search on one thread (doc values iterators are stateful).
 */
final class GroupKeys {
    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;

    GroupKeys(IndexSearcher searcher) {
        this.searcher = searcher;
        this.leaves = searcher.getIndexReader().leaves();
    }

    /** The group key of top-level document {@code doc}. */
    String of(int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        // A fresh iterator per call: top hits come in rank order, not doc order, and doc values only go forward.
        SortedDocValues values = leaf.reader().getSortedDocValues(DocumentFields.GROUP_KEY);
        if (values != null && values.advanceExact(doc - leaf.docBase)) {
            return values.lookupOrd(values.ordValue()).utf8ToString();
        }
        return searcher.storedFields().document(doc, java.util.Set.of(IndexFields.GROUP)).get(IndexFields.GROUP);
    }
}
