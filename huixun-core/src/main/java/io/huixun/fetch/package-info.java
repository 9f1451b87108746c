/**
 * Fetch: the one HTTP client for every outbound request. SSRF guard at connect time and on each redirect, robots.txt
 * (RFC 9309), per-host politeness and Retry-After, conditional GET, a size cap after decompression, a per-read timeout
 * and a wall-clock deadline, a redirect limit, and the charset decision (BOM → header → meta → detection). Entry
 * point: {@link io.huixun.fetch.Fetcher}; outcomes: {@link io.huixun.fetch.FetchResult}.
 */
package io.huixun.fetch;
