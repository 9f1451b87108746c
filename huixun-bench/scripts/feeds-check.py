#!/usr/bin/env python3
"""Checks Huixun's feeds the way a real feed reader sees them: parses /feed.xml, /atom.xml, /feed.xml?q=,
/atom.xml?q= and one story feed (/story/{id}/feed.xml, and /story/{id}/atom.xml when the server has it) with
feedparser, and checks for each feed:
HTTP 200 and an XML content type; no bozo (feedparser's "not well-formed / suspicious" flag); the expected version
(rss20 / atom10); at least one entry; every entry has a title, an id, an absolute link on the server that answers 200
(the first 5 entries are fetched), and a published date (published_parsed) equal to the article's own date in the
JSON API (/api/articles/{id}), compared as instants.

Usage: huixun-bench/scripts/feeds-check.py BASE_URL [QUERY]     (e.g. http://127.0.0.1:18080 乡村振兴)
Needs `apt-get install -y python3-feedparser`; skips (exit 0) without it. Exit 1 when a check fails.
"""
import calendar
import datetime
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

try:
    import feedparser
except ImportError:
    # Debian's python3-feedparser lives in the system interpreter; another python3 (pyenv, venv) may come first in PATH
    import os
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("skipped: feedparser not installed (apt-get install -y python3-feedparser)")
    sys.exit(0)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def api_published(base, article_id, cache):
    if article_id not in cache:
        status, _, body = get(f"{base}/api/articles/{article_id}")
        cache[article_id] = json.loads(body).get("published") if status == 200 else "missing"
    return cache[article_id]


def check(base, path, version, cache):
    problems = []
    url = base + path
    status, ctype, body = get(url)
    if status != 200:
        return [f"HTTP {status}"], {}
    if "xml" not in ctype:
        problems.append(f"content type {ctype!r}")
    d = feedparser.parse(body, response_headers={"content-type": ctype, "content-location": url})
    if d.bozo:
        problems.append(f"bozo: {d.bozo_exception!r}")
    if d.version != version:
        problems.append(f"version {d.version!r}, expected {version!r}")
    if not d.entries:
        problems.append("no entries")
    if not d.feed.get("title"):
        problems.append("feed has no title")
    if not d.feed.get("link", "").startswith("http"):
        problems.append(f"feed link {d.feed.get('link')!r}")
    dated, date_ok, links_ok, fetched = 0, 0, 0, 0
    times = []
    for i, e in enumerate(d.entries):
        if not e.get("title"):
            problems.append(f"entry {i} has no title")
        if not e.get("id"):
            problems.append(f"entry {i} has no id")
        link = e.get("link", "")
        m = re.fullmatch(re.escape(base) + r"/article/(\d+)", link)
        if not m:
            problems.append(f"entry {i} link {link!r} is not {base}/article/N")
            continue
        links_ok += 1
        if i < 5:
            fetched += 1
            s, _, _ = get(link)
            if s != 200:
                problems.append(f"entry {i} link {link} answers {s}")
        if not e.get("published_parsed"):
            problems.append(f"entry {i} ({link}) has no published_parsed (published={e.get('published')!r})")
            continue
        dated += 1
        got = calendar.timegm(e.published_parsed)
        times.append(got)
        want = api_published(base, m.group(1), cache)
        if want in (None, "missing"):
            problems.append(f"entry {i}: the API has no published date for article {m.group(1)}")
            continue
        want_ts = int(datetime.datetime.fromisoformat(want).timestamp())
        if got == want_ts:
            date_ok += 1
        else:
            problems.append(f"entry {i} ({link}): feed date {e.get('published')!r} = "
                            f"{datetime.datetime.fromtimestamp(got, datetime.timezone.utc).isoformat()}, API {want}")
    order = ("newest first" if times == sorted(times, reverse=True) else
             "oldest first" if times == sorted(times) else "unordered")
    stats = {"entries": len(d.entries), "version": d.version, "bozo": int(bool(d.bozo)), "links": links_ok,
             "fetched": fetched, "dated": dated, "dates match API": date_ok, "order": order}
    return problems, stats


def main():
    if len(sys.argv) < 2:
        print("usage: feeds-check.py BASE_URL [QUERY]", file=sys.stderr)
        sys.exit(2)
    base = sys.argv[1].rstrip("/")
    query = sys.argv[2] if len(sys.argv) > 2 else "乡村振兴"
    q = urllib.parse.quote(query)
    status, _, front = get(base + "/")
    story = re.search(r'href="/story/([^"?/]+)', front.decode("utf-8", "replace")) if status == 200 else None
    feeds = [("/feed.xml", "rss20"), ("/atom.xml", "atom10"), (f"/feed.xml?q={q}", "rss20"),
             (f"/atom.xml?q={q}", "atom10")]
    if story:
        feeds.append((f"/story/{story.group(1)}/feed.xml", "rss20"))
        if get(f"{base}/story/{story.group(1)}/atom.xml")[0] == 200:   # newer servers also serve an Atom story feed
            feeds.append((f"/story/{story.group(1)}/atom.xml", "atom10"))
    else:
        print("note: no story link on the front page; story feed not checked")
    print(f"feedparser {feedparser.__version__}; server {base}; query {query}")
    print("| feed | version | entries | bozo | links ok (fetched) | published_parsed | dates = API | order | result |")
    print("|---|---|---|---|---|---|---|---|---|")
    cache, failed, details = {}, 0, []
    for path, version in feeds:
        problems, s = check(base, path, version, cache)
        shown = urllib.parse.unquote(path)
        if s:
            print(f"| `{shown}` | {s['version']} | {s['entries']} | {s['bozo']} | {s['links']} ({s['fetched']}) | "
                  f"{s['dated']}/{s['entries']} | {s['dates match API']}/{s['dated']} | {s['order']} | "
                  f"{'ok' if not problems else 'FAIL'} |")
        else:
            print(f"| `{shown}` | | | | | | | | FAIL |")
        if problems:
            failed += 1
            details.append((shown, problems))
    for shown, problems in details:
        print(f"{shown}: {len(problems)} problem(s), first ones:")
        for p in problems[:5]:
            print(f"  - {p}")
    print(f"{len(feeds) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
