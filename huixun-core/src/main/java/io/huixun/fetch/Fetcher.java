package io.huixun.fetch;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;

/**
 * The one HTTP fetcher every outbound request goes through.
 *
 * <p>Design note: a fetch is a loop over hops. Each hop validates the URL ({@link TargetUrl}: http/https only,
 * numeric host forms decoded), resolves the host once, asks the {@link AddressPolicy} about every address and
 * connects only to an approved one, consults the origin's robots.txt (cached 24 h, fetched through this same loop
 * with the same guard), waits for the host's turn ({@link HostSchedule}), and runs one HTTP/1.1 exchange whose every
 * read is bounded by the read timeout and the fetch's wall-clock deadline ({@link HttpWire}). A 3xx starts the next
 * hop; a 304 returns {@link FetchResult.NotModified} without a body; 429/503 record Retry-After for the host; a body is
 * read up to the cap after decompression, so a gzip bomb stops at the cap with bounded memory.
 *
 * <p>Example: {@code fetch(FetchRequest.of("http://0x7f.1/"))} → {@code BlockedAddress(..., "loopback 127.0.0.1")}.
 *
 * <p>Thread-safe and meant to be shared: robots.txt and politeness state are per instance. Every expected outcome is a
 * {@link FetchResult}; the methods throw only for programming errors (null arguments).
 */
public final class Fetcher {
    /** DNS lookups block in native code; each runs on its own virtual thread so the caller can stop waiting. */
    private static final ExecutorService RESOLVER = Executors.newVirtualThreadPerTaskExecutor();
    private static final Duration ROBOTS_TTL = Duration.ofHours(24);
    private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(10);
    /** RFC 9309 §2.5: crawlers must parse at least 500 KiB of robots.txt. */
    private static final long ROBOTS_MAX_BYTES = 512 * 1024;
    private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    private static final Set<String> HEADERS_OF_INTEREST = Set.of("content-type", "etag", "last-modified",
            "content-encoding", "content-length", "cache-control", "expires", "date", "content-language");

    /** A robots.txt decision; {@code deferredUntil} when the host asked us to wait before we could read it. */
    private record CachedRobots(RobotsPolicy policy, Instant expires, Optional<Instant> deferredUntil) {
        CachedRobots(RobotsPolicy policy, Instant expires) {
            this(policy, expires, Optional.empty());
        }
    }

    private final FetchSettings settings;
    private final HostSchedule schedule = new HostSchedule();
    private final ConcurrentHashMap<String, CompletableFuture<CachedRobots>> robots = new ConcurrentHashMap<>();

    private Fetcher(FetchSettings settings) {
        this.settings = settings;
    }

    public static Fetcher create(FetchSettings settings) {
        return new Fetcher(java.util.Objects.requireNonNull(settings, "settings"));
    }

    public FetchSettings settings() {
        return settings;
    }

    /** Fetches a URL unconditionally. */
    public FetchResult fetch(String url) {
        return fetch(FetchRequest.of(url));
    }

    /**
     * Fetches a URL. Blocks the calling thread for at most the politeness wait plus one deadline for the page, and
     * on the first visit to an origin one more politeness wait and deadline for its robots.txt.
     */
    public FetchResult fetch(FetchRequest request) {
        try {
            return run(request, settings.obeyRobots(), settings.maxBodyBytes(), false, settings.maxRedirects());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed(request.url(), URI.create("about:blank"), "interrupted");
        }
    }

    private FetchResult run(FetchRequest request, boolean checkRobots, long cap, boolean truncateAtCap,
                            int maxRedirects) throws InterruptedException {
        String requested = request.url();
        TargetUrl target;
        try {
            target = TargetUrl.parse(requested);
        } catch (TargetUrl.Rejected e) {
            return new FetchResult.InvalidUrl(requested, e.getMessage());
        }
        Deadline deadline = new Deadline(settings.deadline(), settings.readTimeout());
        List<URI> chain = new ArrayList<>();
        while (true) {
            List<InetAddress> addresses;
            try {
                addresses = approvedAddresses(target, deadline);
            } catch (Blocked b) {
                return new FetchResult.BlockedAddress(requested, target.uri(), b.getMessage());
            } catch (UnknownHostException e) {
                return new FetchResult.Failed(requested, target.uri(), "unknown host " + target.host());
            } catch (Deadline.TimeoutException e) {
                return new FetchResult.TimedOut(requested, target.uri(), e.after, e.kind + " during " + e.phase);
            }
            long waitStart = System.nanoTime();
            Duration interval = settings.hostInterval();
            if (checkRobots && !"/robots.txt".equals(target.uri().getRawPath())) {
                CachedRobots cached = robotsFor(target);
                if (cached.deferredUntil().isPresent()) {
                    return new FetchResult.Deferred(requested, target.uri(), cached.deferredUntil().get());
                }
                RobotsPolicy policy = cached.policy();
                if (!policy.isAllowed(target.uri())) {
                    return new FetchResult.BlockedByRobots(requested, target.uri(),
                            "disallowed by " + target.origin() + "/robots.txt for " + settings.robotsToken());
                }
                Optional<Duration> delay = policy.crawlDelay();
                if (delay.isPresent() && delay.get().compareTo(interval) > 0) {
                    interval = delay.get().compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay.get();
                }
            }
            // politeness is per host (http and https of one host share a turn); robots.txt is per origin (RFC 9309)
            Optional<Instant> later = schedule.awaitTurn(target.host(), interval, settings.maxPolitenessWait());
            if (later.isPresent()) {
                return new FetchResult.Deferred(requested, target.uri(), later.get());
            }
            // waiting for our turn (and for robots.txt, which has a deadline of its own) is not this fetch's time
            deadline.excuse(System.nanoTime() - waitStart);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", settings.userAgent());
            headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,"
                    + "application/atom+xml,application/feed+json,*/*;q=0.8");
            headers.put("Accept-Encoding", "gzip, deflate");
            request.etag().ifPresent(v -> headers.put("If-None-Match", v));
            request.lastModified().ifPresent(v -> headers.put("If-Modified-Since", v));
            try (HttpWire wire = HttpWire.exchange(target, addresses, headers, deadline)) {
                int status = wire.status;
                if (status >= 300 && status < 400 && status != 304) {
                    String location = wire.first("location");
                    chain.add(target.uri());
                    if (location == null || chain.size() > maxRedirects) {
                        return new FetchResult.TooManyRedirects(requested, chain);
                    }
                    URI next;
                    try {
                        next = target.uri().resolve(locationText(location));
                        target = TargetUrl.parse(next.toString());
                    } catch (IllegalArgumentException e) {
                        return new FetchResult.InvalidUrl(requested, "redirect Location does not parse: "
                                + TargetUrl.abbreviate(location));
                    } catch (TargetUrl.Rejected e) {
                        return new FetchResult.InvalidUrl(requested, "redirect to a refused URL: " + e.getMessage());
                    }
                    continue;
                }
                if (status == 304) {
                    return new FetchResult.NotModified(requested, target.uri());
                }
                if (status < 200 || status >= 300) {
                    Optional<Instant> retryAfter = Optional.empty();
                    if (status == 429 || status == 503) {
                        retryAfter = HostSchedule.parseRetryAfter(wire.first("retry-after"), Instant.now());
                        String host = target.host();
                        retryAfter.ifPresent(t -> schedule.backOff(host, t));
                    }
                    return new FetchResult.HttpError(requested, target.uri(), status, retryAfter);
                }
                if (!wire.isContentEncoded() && wire.declaredLength() > cap && !truncateAtCap) {
                    return new FetchResult.TooLarge(requested, target.uri(), cap);
                }
                Optional<byte[]> body = readCapped(wire.body(), cap, truncateAtCap);
                if (body.isEmpty()) {
                    return new FetchResult.TooLarge(requested, target.uri(), cap);
                }
                Map<String, String> kept = new LinkedHashMap<>();
                for (Map.Entry<String, List<String>> h : wire.headers.entrySet()) {
                    if (HEADERS_OF_INTEREST.contains(h.getKey()) && !h.getValue().isEmpty()) {
                        kept.put(h.getKey(), h.getValue().get(0));
                    }
                }
                CharsetDecision charset = CharsetSniffer.decide(body.get(),
                        Optional.ofNullable(wire.first("content-type")));
                return new FetchResult.Fetched(requested, target.uri(), status, kept, body.get(), charset, chain);
            } catch (Deadline.TimeoutException e) {
                return new FetchResult.TimedOut(requested, target.uri(), e.after, e.kind + " during " + e.phase);
            } catch (ZipException | EOFException e) {
                return new FetchResult.Failed(requested, target.uri(), "body is not valid "
                        + "compressed data or was cut short: " + e.getMessage());
            } catch (IOException e) {
                return new FetchResult.Failed(requested, target.uri(), describe(e));
            }
        }
    }

    /**
     * Resolves the host once and returns the addresses the policy accepts, in resolver order; blocked when none is.
     * The lookup runs on a virtual thread so that a slow resolver counts against the deadline instead of blocking
     * past it.
     */
    private List<InetAddress> approvedAddresses(TargetUrl target, Deadline deadline)
            throws Blocked, UnknownHostException, Deadline.TimeoutException, InterruptedException {
        InetAddress[] candidates;
        if (target.literal().isPresent()) {
            candidates = new InetAddress[] {target.literal().get()};
        } else {
            Future<InetAddress[]> lookup = RESOLVER.submit(() -> InetAddress.getAllByName(target.host()));
            try {
                candidates = lookup.get(deadline.nextTimeoutMillis("dns"), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                lookup.cancel(true);
                throw new Deadline.TimeoutException("dns", deadline.kindOfLastTimeout(), deadline.elapsed());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownHostException u) {
                    throw u;
                }
                throw new UnknownHostException(target.host() + ": " + e.getCause());
            }
        }
        List<InetAddress> approved = new ArrayList<>();
        String firstReason = null;
        for (InetAddress a : candidates) {
            Optional<String> reason = settings.addressPolicy().blockReason(a);
            if (reason.isEmpty()) {
                approved.add(a);
            } else if (firstReason == null) {
                firstReason = reason.get();
            }
        }
        if (approved.isEmpty()) {
            throw new Blocked(target.host() + " resolves to a blocked address: " + firstReason);
        }
        return approved;
    }

    /**
     * A Location header as a URI reference. Servers send raw UTF-8 (Chinese paths) that arrived here as Latin-1
     * characters: re-read those bytes as UTF-8 when they are valid UTF-8, and escape spaces.
     * {@code "/æ\u0096°é\u0097»"} (the bytes of 新闻) → {@code "/新闻"}.
     */
    static String locationText(String header) {
        String v = header.strip();
        byte[] bytes = v.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (CharsetSniffer.isMultiByteUtf8(bytes)) {
            v = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return v.replace(" ", "%20");
    }

    private CachedRobots robotsFor(TargetUrl target) throws InterruptedException {
        String origin = target.origin();
        while (true) {
            CompletableFuture<CachedRobots> mine = new CompletableFuture<>();
            CompletableFuture<CachedRobots> existing = robots.putIfAbsent(origin, mine);
            if (existing == null) {
                try {
                    CachedRobots loaded = loadRobots(origin);
                    mine.complete(loaded);
                    return loaded;
                } catch (InterruptedException | RuntimeException e) {
                    // never leave waiters on a future that will not complete
                    robots.remove(origin, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            try {
                CachedRobots cached = existing.get();
                if (cached.expires().isAfter(Instant.now())) {
                    return cached;
                }
                robots.remove(origin, existing);
            } catch (ExecutionException e) {
                robots.remove(origin, existing);
            }
        }
    }

    private CachedRobots loadRobots(String origin) throws InterruptedException {
        String url = origin + "/robots.txt";
        FetchResult r = run(FetchRequest.of(url), false, ROBOTS_MAX_BYTES, true, 5);
        Instant now = Instant.now();
        return switch (r) {
            case FetchResult.Fetched f -> new CachedRobots(
                    RobotsPolicy.parse(f.finalUrl(), f.body(), settings.robotsToken()), now.plus(ROBOTS_TTL));
            // RFC 9309 §2.3.1.3: "unavailable" (4xx) means no restrictions. 429 is treated as unreachable instead:
            // the server is asking for less traffic, not saying there are no rules.
            case FetchResult.HttpError e when e.status() >= 400 && e.status() < 500 && e.status() != 429 ->
                    new CachedRobots(RobotsPolicy.allowAll(), now.plus(ROBOTS_TTL));
            case FetchResult.Deferred d -> new CachedRobots(RobotsPolicy.disallowAll(), d.notBefore(),
                    Optional.of(d.notBefore()));
            // 429/503 with Retry-After: the site asked us to come back later, so the page is deferred, not blocked
            case FetchResult.HttpError e when e.retryAfter().isPresent() -> new CachedRobots(
                    RobotsPolicy.disallowAll(), e.retryAfter().get(), e.retryAfter());
            // §2.3.1.4: unreachable (5xx, network error, timeout, too many redirects) means complete disallow.
            default -> new CachedRobots(RobotsPolicy.disallowAll(), now.plus(ROBOTS_FAILURE_TTL));
        };
    }

    /** Reads at most {@code cap} bytes; empty when the stream has more (unless truncating). */
    private static Optional<byte[]> readCapped(InputStream in, long cap, boolean truncate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long total = 0;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return Optional.of(out.toByteArray());
            }
            if (total + n > cap) {
                if (truncate) {
                    out.write(buf, 0, (int) (cap - total));
                    return Optional.of(out.toByteArray());
                }
                return Optional.empty();
            }
            out.write(buf, 0, n);
            total += n;
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof HttpWire.ProtocolException) {
            return "protocol error: " + message;
        }
        return (kind.isEmpty() ? "i/o error" : kind) + (message.isEmpty() ? "" : ": " + message);
    }

    /** The address guard refused; message says which address and why. */
    private static final class Blocked extends Exception {
        Blocked(String message) {
            super(message, null, false, false);
        }
    }
}
