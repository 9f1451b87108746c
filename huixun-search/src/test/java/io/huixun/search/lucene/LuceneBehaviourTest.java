package io.huixun.search.lucene;

import io.huixun.search.SearchIndex;

/** The behavioural suite on the embedded index, in memory. */
class LuceneBehaviourTest extends SearchIndexBehaviour {
    @Override
    protected SearchIndex newIndex() {
        return LuceneSearchIndex.inMemory();
    }
}
