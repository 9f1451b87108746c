package io.huixun.store.reader;

import java.util.OptionalLong;

/**
 * One reader's view of one article.
 *
 * @param canonicalId the article the state is kept under (itself, or the canonical it is a copy of)
 * @param sourceId    the article's source, if it has one
 * @param ingestedAt  epoch milliseconds the article was stored (the "crawl time" reader apps show)
 */
public record ItemState(long articleId, long canonicalId, OptionalLong sourceId, boolean read, boolean starred,
                        long ingestedAt) {
}
