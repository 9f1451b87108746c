/**
 * Fetch: the one HTTP client for every outbound request, on Jetty's HttpClient. SSRF guard before the request and at
 * connect time (Jetty's resolver hook) on every redirect hop, robots.txt (RFC 9309; an unreadable robots.txt is told
 * apart from one that forbids), per-host permits and politeness and Retry-After, conditional GET, a size cap after
 * decompression (gzip, deflate, br), a per-read idle timeout and a wall-clock deadline, a redirect limit, keep-alive
 * and HTTP/2 over TLS, proxies from HTTPS_PROXY / HTTP_PROXY / NO_PROXY, extra trusted CAs, and the charset decision
 * (BOM → header → meta → detection). Entry point: {@link io.huixun.fetch.Fetcher}; outcomes:
 * {@link io.huixun.fetch.FetchResult} (each with {@code describe()} and {@code outcome()}); metrics hook:
 * {@link io.huixun.fetch.FetchObserver}.
 *
 * <p><b>Layer</b>: a stage. Imports only the shared text layer (charset detection) and {@code model}. Kept by {@code
 * LayersTest} (huixun-bench).
 */
package io.huixun.fetch;
