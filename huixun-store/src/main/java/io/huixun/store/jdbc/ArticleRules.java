package io.huixun.store.jdbc;

import io.huixun.store.NewArticle;
import io.huixun.store.NewSource;
import io.huixun.store.SaveResult;
import io.huixun.store.SourceAddResult;
import io.huixun.store.StoreLimits;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Checks values against {@link StoreLimits} before anything is written. Stateless. */
final class ArticleRules {
    private final StoreLimits limits;

    ArticleRules(StoreLimits limits) {
        this.limits = limits;
    }

    /** The first rule {@code article} breaks, if any. */
    Optional<SaveResult.Rejected> check(NewArticle article) {
        Optional<String> broken = article.url().flatMap(url -> text("url", url, limits.maxUrlChars()))
                .or(() -> article.url().filter(String::isBlank).map(u -> "url: must not be blank when present"))
                .or(() -> text("source", article.source(), limits.maxSourceChars()))
                .or(() -> text("title", article.title(), limits.maxTitleChars()))
                .or(() -> text("canonicalText", article.canonicalText(), limits.maxTextChars()))
                .or(() -> text("repairLogJson", article.repairLogJson(), limits.maxRepairLogChars()))
                .or(() -> json(article.repairLogJson()))
                .or(() -> article.published().flatMap(this::date))
                .or(() -> article.original().length() > limits.maxOriginalBytes()
                        ? Optional.of("original: " + article.original().length() + " bytes exceeds the limit of "
                                + limits.maxOriginalBytes() + " bytes")
                        : Optional.empty())
                .or(() -> article.duplicateOf().isPresent() && article.duplicateOf().getAsLong() <= 0
                        ? Optional.of("duplicateOf: must be a positive article id, was "
                                + article.duplicateOf().getAsLong())
                        : Optional.empty());
        return broken.map(message -> new SaveResult.Rejected(message.substring(0, message.indexOf(':')), message));
    }

    Optional<SourceAddResult.Rejected> check(NewSource source) {
        return text("url", source.url(), limits.maxUrlChars())
                .or(() -> text("name", source.name(), limits.maxSourceChars()))
                .or(() -> source.charsetOverride().flatMap(c -> text("charsetOverride", c, 64)))
                .map(message -> new SourceAddResult.Rejected(message.substring(0, message.indexOf(':')), message));
    }

    private Optional<String> date(ZonedDateTime published) {
        int year = published.getYear();
        if (year < limits.earliestPublishedYear() || year > limits.latestPublishedYear()) {
            return Optional.of("published: year " + year + " of " + published + " is outside "
                    + limits.earliestPublishedYear() + ".." + limits.latestPublishedYear());
        }
        return Optional.empty();
    }

    private static Optional<String> json(String log) {
        String trimmed = log.strip();
        if (!(trimmed.startsWith("[") && trimmed.endsWith("]")) && !(trimmed.startsWith("{") && trimmed.endsWith("}"))) {
            return Optional.of("repairLogJson: must be a JSON array or object, was '" + abbreviate(trimmed) + "'");
        }
        return Optional.empty();
    }

    /** Length limit, no NUL (C APIs truncate there), no unpaired surrogate (it cannot be stored as UTF-8). */
    private static Optional<String> text(String field, String value, int maxChars) {
        if (value.length() > maxChars) {
            return Optional.of(field + ": " + value.length() + " chars exceeds the limit of " + maxChars
                    + " chars (starts '" + abbreviate(value) + "')");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return Optional.of(field + ": contains a NUL character at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(field + ": contains an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase()
                        + " at index " + i);
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
