package io.huixun.search.lucene;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replays terms computed beforehand, one position each. The index segments a document once and feeds both the word
 * and the bigram field from that one segmentation. Single use, not thread-safe.
 */
final class TermListStream extends TokenStream {
    private final List<String> terms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private int next;

    TermListStream(List<String> terms) {
        this.terms = terms;
    }

    @Override
    public boolean incrementToken() {
        if (next >= terms.size()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(terms.get(next++));
        increment.setPositionIncrement(1);
        return true;
    }

    @Override
    public void reset() {
        next = 0;
    }
}
