-- Huixun schema v10: late stories survive a restart. A late story holds reports older than the clusterer's window
-- (an archive ingested after live news, a feed's old items); it stays open for one window of news from its last
-- report, until late_until (epoch ms of news time). Before, each `huixun ingest` run or restart forgot them, so the
-- next report of the same event opened a story of its own. NULL for every other story.
ALTER TABLE stories ADD COLUMN late_until BIGINT;

-- Start-up reads the open late stories newest first, at most the clusterer's cap of them: a backward walk of this
-- index that stops at the cap. With id in the index the tie-break needs no sort (an archive's late stories share one
-- late_until, and sorting them all would have read every one of them).
CREATE INDEX stories_late ON stories (late_until, id) WHERE late_until IS NOT NULL;
