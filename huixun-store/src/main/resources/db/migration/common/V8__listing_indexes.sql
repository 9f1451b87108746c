-- Huixun schema v8: listing pages cost the same at a million articles as at a thousand (issue 12).
--
-- The index on duplicate_of also held the canonical articles (duplicate_of IS NULL, 87% of a store). SQLite's planner
-- takes "duplicate_of IS NULL" for a selective look-up on it, then sorted every canonical article to show the newest
-- 30: /api/articles, /feed.xml and the front page took 2.5-5.6 s at 1M. Kept for copies only, it can no longer be
-- chosen for canonical listings, which then walk articles_recent_canonical in order and stop after one page.
-- Its other uses (duplicate_of = ?, IN (...)) imply NOT NULL, so both SQLite and PostgreSQL still use it for them.
DROP INDEX articles_duplicate_of;
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- One source's newest canonical articles (?source=): before, a page walked the whole store's newest articles until
-- it had found enough of that source's, and all of them for a source with none.
CREATE INDEX articles_source_recent ON articles (source, sort_at, id) WHERE duplicate_of IS NULL;
