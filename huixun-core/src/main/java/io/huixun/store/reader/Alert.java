package io.huixun.store.reader;

import java.time.Instant;
import java.util.Objects;

/**
 * A keyword alert: new articles matching {@code query} are POSTed to {@code webhookUrl}.
 *
 * @param lastArticleId the newest article already delivered; only later ones are sent
 */
public record Alert(long id, long userId, String query, String webhookUrl, long lastArticleId, Instant created) {
    public Alert {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(created, "created");
    }
}
