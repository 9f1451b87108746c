-- Huixun schema v7: pictures and recordings attached to articles, as their feeds named them.
-- kind: lead_image (the picture shown on cards, at most one per article), image, audio, video, other.
-- Rows go with their article (ON DELETE CASCADE); cards look up their lead images by (article_id, kind).

CREATE TABLE article_media (
    article_id BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    mime_type  TEXT,
    PRIMARY KEY (article_id, position)
);

CREATE INDEX article_media_lead ON article_media (kind, article_id);
