package io.huixun.store;

import io.huixun.dedup.Fingerprint;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An article to be saved. Sizes and dates are checked by the store against {@link StoreLimits} (a violation is a
 * {@link SaveResult.Rejected}); this record only refuses missing values.
 *
 * @param url            where it was found; absent for local files without one. Unique in the store.
 * @param sourceId       the registered source it came from, if any
 * @param source         the publisher as named by the article (e.g. {@code 央视网}); may be empty, never null
 * @param title          title as repaired
 * @param published      publish time with its zone (Chinese sources default to Asia/Shanghai upstream)
 * @param teaser         true when the body is a cut-off teaser ({@code …})
 * @param original       the bytes as received; their SHA-256 is unique in the store
 * @param canonicalText  the repaired body in simplified script
 * @param repairLogJson  the repair log as a JSON array ({@code []} when nothing was repaired)
 * @param fingerprint    de-duplication fingerprint of {@code canonicalText}
 * @param duplicateOf    the canonical article this one is a copy of, if any
 */
public record NewArticle(
        Optional<String> url,
        OptionalLong sourceId,
        String source,
        String title,
        Optional<ZonedDateTime> published,
        boolean teaser,
        OriginalContent original,
        String canonicalText,
        String repairLogJson,
        Fingerprint fingerprint,
        OptionalLong duplicateOf) {

    public NewArticle {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(canonicalText, "canonicalText");
        Objects.requireNonNull(repairLogJson, "repairLogJson");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
    }

    /** True when nothing needed repair: the repair log is an empty JSON array. */
    public boolean clean() {
        return repairLogJson.isBlank() || repairLogJson.replaceAll("\\s", "").equals("[]");
    }

    /** This article not linked to any other. */
    public NewArticle withoutDuplicateOf() {
        return new NewArticle(url, sourceId, source, title, published, teaser, original, canonicalText,
                repairLogJson, fingerprint, OptionalLong.empty());
    }

    /** This article linked as a copy of {@code canonicalId}. */
    public NewArticle withDuplicateOf(long canonicalId) {
        return new NewArticle(url, sourceId, source, title, published, teaser, original, canonicalText,
                repairLogJson, fingerprint, OptionalLong.of(canonicalId));
    }
}
