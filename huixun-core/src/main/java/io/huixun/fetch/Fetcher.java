package io.huixun.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
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
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The one HTTP fetcher every outbound request goes through.
 *
 * <p>Design note: a fetch is a loop over hops. Each hop validates the URL ({@link TargetUrl}: http/https only,
 * numeric host forms decoded), checks the host's addresses with the {@link AddressPolicy} (a clear
 * {@link FetchResult.BlockedAddress} before any robots.txt or politeness work), consults the origin's robots.txt
 * (cached 24 h, fetched through this same loop with the same guard), takes the host's turn ({@link HostSchedule}: at
 * most {@code maxPerHost} exchanges in flight, one start per interval) and runs one exchange on Jetty's HttpClient
 * ({@link HttpTransport}). Jetty connects only to addresses the {@link GuardedResolver} approved, which is the
 * binding check at connect time. Every exchange has Jetty's idle timeout (the read timeout: no byte for that long
 * ends it) and a total timeout (what is left of the fetch's wall-clock deadline, so a server dripping a byte a second
 * still stops at the deadline). A 3xx starts the next hop; a 304 returns {@link FetchResult.NotModified} without a
 * body; 429/503 record Retry-After for the host. The body is kept as it came off the wire up to the cap (Jetty aborts a
 * larger one at once, or from its Content-Length), then decoded (gzip, deflate, br) as a stream up to the cap again,
 * so a bomb stops at the cap with bounded memory.
 *
 * <p>Example: {@code fetch(FetchRequest.of("http://0x7f.1/"))} → {@code BlockedAddress(..., "loopback 127.0.0.1")}.
 *
 * <p>Thread-safe and meant to be shared by many threads (virtual threads welcome: a fetch blocks its caller only on
 * the exchange's own progress): robots.txt, politeness state and the connection pool are per instance. Close it to
 * release the pool's sockets and threads (a forgotten one is released when it becomes unreachable). Every expected
 * outcome is a {@link FetchResult}; the methods throw only for programming errors (null arguments).
 */
public final class Fetcher implements AutoCloseable {
    /** DNS lookups block in native code; each runs on its own virtual thread so the caller can stop waiting. */
    private static final ExecutorService RESOLVER = Executors.newVirtualThreadPerTaskExecutor();
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Duration ROBOTS_TTL = Duration.ofHours(24);
    private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(10);
    /** RFC 9309 §2.5: crawlers must parse at least 500 KiB of robots.txt. */
    private static final long ROBOTS_MAX_BYTES = 512 * 1024;
    private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);
    private static final Set<String> HEADERS_OF_INTEREST = Set.of("content-type", "etag", "last-modified",
            "content-encoding", "content-length", "cache-control", "expires", "date", "content-language");
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,"
            + "application/atom+xml,application/feed+json,*/*;q=0.8";

    /**
     * A robots.txt decision; {@code deferredUntil} when the host asked us to wait before we could read it,
     * {@code unavailable} (the cause, one sentence) when robots.txt could not be read and everything is disallowed
     * until {@code expires}.
     */
    private record CachedRobots(RobotsPolicy policy, Instant expires, Optional<Instant> deferredUntil,
                                Optional<String> unavailable) {
        CachedRobots(RobotsPolicy policy, Instant expires) {
            this(policy, expires, Optional.empty(), Optional.empty());
        }
    }

    private final FetchSettings settings;
    private final FetchObserver observer;
    private final HostSchedule schedule;
    private final HttpTransport transport;
    private final Cleaner.Cleanable cleanable;
    private final ConcurrentHashMap<String, CompletableFuture<CachedRobots>> robots = new ConcurrentHashMap<>();

    private Fetcher(FetchSettings settings, FetchObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.schedule = new HostSchedule(settings.maxPerHost());
        this.transport = new HttpTransport(settings);
        HttpTransport t = transport;
        this.cleanable = CLEANER.register(this, t::close);
    }

    public static Fetcher create(FetchSettings settings) {
        return create(settings, FetchObserver.NONE);
    }

    /** A fetcher that tells {@code observer} about every finished {@link #fetch} call (for metrics). */
    public static Fetcher create(FetchSettings settings, FetchObserver observer) {
        return new Fetcher(java.util.Objects.requireNonNull(settings, "settings"),
                java.util.Objects.requireNonNull(observer, "observer"));
    }

    public FetchSettings settings() {
        return settings;
    }

    /** Releases the connection pool and its threads; fetches after this fail. */
    @Override
    public void close() {
        cleanable.clean();
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
        long t0 = System.nanoTime();
        FetchResult result;
        try {
            result = run(request, settings.obeyRobots(), settings.maxBodyBytes(), false, settings.maxRedirects());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new FetchResult.Failed(request.url(), URI.create("about:blank"), FetchResult.Failure.INTERRUPTED,
                    "the fetch was interrupted");
        }
        report(request, result, System.nanoTime() - t0);
        return result;
    }

    private void report(FetchRequest request, FetchResult result, long nanos) {
        if (observer == FetchObserver.NONE) {
            return;
        }
        String host;
        try {
            host = TargetUrl.parse(request.url()).host();
        } catch (TargetUrl.Rejected e) {
            host = "";
        }
        int status = switch (result) {
            case FetchResult.Fetched f -> f.status();
            case FetchResult.NotModified n -> 304;
            case FetchResult.HttpError h -> h.status();
            default -> 0;
        };
        try {
            observer.finished(new FetchObserver.Event(host, result.outcome(), status, Duration.ofNanos(nanos)));
        } catch (RuntimeException e) {
            // an observer must not change what a fetch returns
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
            try {
                approvedAddresses(target, deadline);
            } catch (Blocked b) {
                return new FetchResult.BlockedAddress(requested, target.uri(), b.getMessage());
            } catch (UnknownHostException e) {
                return new FetchResult.Failed(requested, target.uri(), FetchResult.Failure.UNKNOWN_HOST,
                        "unknown host " + target.host());
            } catch (Deadline.TimeoutException e) {
                return new FetchResult.TimedOut(requested, target.uri(), e.after, e.kind + " while resolving "
                        + target.host(), FetchResult.Stage.CONNECT, e.kind.equals("deadline"));
            }
            long waitStart = System.nanoTime();
            Duration interval = settings.hostInterval();
            if (checkRobots && !"/robots.txt".equals(target.uri().getRawPath())) {
                CachedRobots cached = robotsFor(target);
                if (cached.deferredUntil().isPresent()) {
                    return new FetchResult.Deferred(requested, target.uri(), cached.deferredUntil().get());
                }
                if (cached.unavailable().isPresent()) {
                    return new FetchResult.BlockedByRobots(requested, target.uri(), FetchResult.RobotsBlock.UNAVAILABLE,
                            cached.unavailable().get(), Optional.of(cached.expires()));
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
            // a permit frees up within one deadline of an exchange ahead of us, so waiting that long is queueing,
            // not a host asking for a pause
            HostSchedule.Admission admission = schedule.acquire(target.host(), interval,
                    settings.maxPolitenessWait(), settings.maxPolitenessWait().plus(settings.deadline()));
            if (admission instanceof HostSchedule.Later later) {
                return new FetchResult.Deferred(requested, target.uri(), later.notBefore());
            }
            // waiting for our turn (and for robots.txt, which has a deadline of its own) is not this fetch's time
            deadline.excuse(System.nanoTime() - waitStart);
            Hop hop;
            try (HostSchedule.Turn turn = (HostSchedule.Turn) admission) {
                hop = exchange(request, requested, target, deadline, cap, truncateAtCap, chain, true, turn::sent);
            }
            if (hop instanceof Hop.Done done) {
                return done.result();
            }
            String location = ((Hop.Redirect) hop).location();
            chain.add(target.uri());
            if (location == null || chain.size() > maxRedirects) {
                return new FetchResult.TooManyRedirects(requested, chain);
            }
            try {
                URI next = target.uri().resolve(locationText(location));
                target = TargetUrl.parse(next.toString());
            } catch (IllegalArgumentException e) {
                return new FetchResult.InvalidUrl(requested, "redirect Location does not parse: "
                        + TargetUrl.abbreviate(location));
            } catch (TargetUrl.Rejected e) {
                return new FetchResult.InvalidUrl(requested, "redirect to a refused URL: " + e.getMessage());
            }
        }
    }

    /** What one exchange leads to: a final result, or a redirect to follow (Location may be null). */
    private sealed interface Hop {
        record Done(FetchResult result) implements Hop {}

        record Redirect(String location) implements Hop {}
    }

    /**
     * The state of one exchange, written by Jetty's threads through the request listeners (one at a time, in order)
     * and read by the fetching thread after the exchange completes (the future's completion publishes it). The body
     * is kept as it came off the wire, at most {@code limit} bytes: a larger body is aborted at once.
     */
    private static final class Exchange {
        final long limit;
        final boolean truncate;
        final ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
        volatile FetchResult.Stage stage = FetchResult.Stage.CONNECT;
        volatile long declared = -1;
        volatile long received;
        volatile boolean tooLarge;

        Exchange(long limit, boolean truncate) {
            this.limit = limit;
            this.truncate = truncate;
        }

        void headers(Response r) {
            stage = FetchResult.Stage.BODY;
            HttpFields f = r.getHeaders();
            declared = f.getLongField(HttpHeader.CONTENT_LENGTH);
            int s = r.getStatus();
            boolean keeps = s >= 200 && s < 300;
            if (keeps && !truncate && !ContentDecoding.isEncoded(f.get(HttpHeader.CONTENT_ENCODING))
                    && declared > limit) {
                tooLarge = true; // refused from its declared length, without reading
                r.abort(new CapReached());
            }
        }

        void content(Response r, java.nio.ByteBuffer chunk) {
            int n = chunk.remaining();
            long room = limit - received;
            if (n > room) {
                if (truncate) {
                    write(chunk, (int) room);
                    received += room;
                } else {
                    tooLarge = true;
                }
                r.abort(new CapReached());
                return;
            }
            write(chunk, n);
            received += n;
        }

        private void write(java.nio.ByteBuffer chunk, int n) {
            if (chunk.hasArray()) {
                raw.write(chunk.array(), chunk.arrayOffset() + chunk.position(), n);
            } else {
                byte[] b = new byte[n];
                chunk.get(b);
                raw.write(b, 0, n);
            }
        }
    }

    /** Jetty aborts an exchange with this when the body reached the limit (the cap, or robots.txt's truncation). */
    private static final class CapReached extends Exception {
        CapReached() {
            super("body reached the size limit", null, false, false);
        }
    }

    /** One GET on Jetty: status, headers, and the body decoded and capped. Never throws for the network. */
    private Hop exchange(FetchRequest request, String requested, TargetUrl target, Deadline deadline, long cap,
                         boolean truncateAtCap, List<URI> chain, boolean mayRetry, Runnable onSent)
            throws InterruptedException {
        long left = deadline.leftMillis();
        Exchange ex = new Exchange(cap, truncateAtCap);
        if (left <= 0) {
            return new Hop.Done(FailureReport.timedOut(context(requested, target, deadline, ex), true));
        }
        Request req = transport.client.newRequest(wireUri(target)).method(HttpMethod.GET)
                .timeout(left, TimeUnit.MILLISECONDS)
                .idleTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put(HttpHeader.ACCEPT, ACCEPT);
                    h.put(HttpHeader.ACCEPT_ENCODING, ContentDecoding.ACCEPTED);
                    // a validator with a line break would inject headers: drop it
                    request.etag().filter(Fetcher::singleLine).ifPresent(v -> h.put(HttpHeader.IF_NONE_MATCH, v));
                    request.lastModified().filter(Fetcher::singleLine)
                            .ifPresent(v -> h.put(HttpHeader.IF_MODIFIED_SINCE, v));
                })
                .onRequestBegin(r -> ex.stage = FetchResult.Stage.HEADERS)
                .onRequestCommit(r -> onSent.run())
                .onResponseHeaders(ex::headers)
                .onResponseContent(ex::content);
        CompletableFuture<Result> done = new CompletableFuture<>();
        req.send(done::complete);
        Result result;
        try {
            // Jetty's total timeout ends the exchange at the deadline; the extra second only guards against a hang
            result = done.get(left + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return new Hop.Done(FailureReport.of(e.getCause(), context(requested, target, deadline, ex)));
        } catch (TimeoutException e) {
            req.abort(e);
            return new Hop.Done(FailureReport.timedOut(context(requested, target, deadline, ex), true));
        } catch (InterruptedException e) {
            req.abort(e);
            throw e;
        }
        Throwable failure = result.getFailure();
        if (failure != null && mayRetry && ex.stage != FetchResult.Stage.BODY && FailureReport.closedEarly(failure)) {
            // a kept-alive connection the server had closed while idle (a race every pool meets): a GET is idempotent,
            // so it goes once more, on a new connection
            return exchange(request, requested, target, deadline, cap, truncateAtCap, chain, false, onSent);
        }
        if (failure != null && !(failure instanceof CapReached)) {
            return new Hop.Done(FailureReport.of(failure, context(requested, target, deadline, ex)));
        }
        if (ex.tooLarge) {
            return new Hop.Done(new FetchResult.TooLarge(requested, target.uri(), cap));
        }
        Response response = result.getResponse();
        int status = response.getStatus();
        HttpFields fields = response.getHeaders();
        if (status >= 300 && status < 400 && status != 304) {
            return new Hop.Redirect(fields.get(HttpHeader.LOCATION));
        }
        return new Hop.Done(answer(requested, target, cap, truncateAtCap, response, ex.raw.toByteArray(), chain));
    }

    private FetchResult answer(String requested, TargetUrl target, long cap, boolean truncateAtCap,
                               Response response, byte[] raw, List<URI> chain) {
        int status = response.getStatus();
        HttpFields fields = response.getHeaders();
        if (status == 304) {
            return new FetchResult.NotModified(requested, target.uri());
        }
        if (status < 200 || status >= 300) {
            Optional<Instant> retryAfter = Optional.empty();
            if (status == 429 || status == 503) {
                retryAfter = HostSchedule.parseRetryAfter(fields.get(HttpHeader.RETRY_AFTER), Instant.now());
                String host = target.host();
                retryAfter.ifPresent(t -> schedule.backOff(host, t));
            }
            String phrase = response.getReason() == null || response.getReason().isBlank()
                    ? HttpStatus.getMessage(status) : response.getReason();
            return new FetchResult.HttpError(requested, target.uri(), status, retryAfter,
                    phrase == null ? "" : phrase);
        }
        String contentEncoding = fields.get(HttpHeader.CONTENT_ENCODING);
        Optional<byte[]> body;
        try {
            body = readCapped(ContentDecoding.decode(new java.io.ByteArrayInputStream(raw), contentEncoding), cap,
                    truncateAtCap);
        } catch (ContentDecoding.UnsupportedEncoding e) {
            return new FetchResult.Failed(requested, target.uri(), FetchResult.Failure.BAD_RESPONSE, e.getMessage());
        } catch (IOException e) {
            return new FetchResult.Failed(requested, target.uri(), FetchResult.Failure.BAD_RESPONSE,
                    "body is not valid " + contentEncoding.strip().toLowerCase(Locale.ROOT)
                            + " data or was cut short (" + (e instanceof java.io.EOFException ? "it ends early"
                            : FailureReport.clean(e.getMessage())) + ")");
        }
        if (body.isEmpty()) {
            return new FetchResult.TooLarge(requested, target.uri(), cap);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (HttpField f : fields) {
            String name = f.getLowerCaseName();
            if (HEADERS_OF_INTEREST.contains(name) && !kept.containsKey(name) && f.getValue() != null) {
                kept.put(name, f.getValue());
            }
        }
        CharsetDecision charset = CharsetSniffer.decide(body.get(),
                Optional.ofNullable(fields.get(HttpHeader.CONTENT_TYPE)));
        return new FetchResult.Fetched(requested, target.uri(), status, kept, body.get(), charset, chain);
    }

    private static FailureReport.Context context(String requested, TargetUrl target, Deadline deadline,
                                                 Exchange ex) {
        return new FailureReport.Context(requested, target, deadline, ex.stage, ex.declared, ex.received);
    }

    /** The URI Jetty gets: an IP literal in its canonical form ("0x7f.1" → "127.0.0.1"), never re-parsed. */
    private static URI wireUri(TargetUrl target) {
        if (target.literal().isEmpty()) {
            return target.uri();
        }
        String ip = target.literal().get().getHostAddress();
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        return URI.create((target.https() ? "https://" : "http://") + host + ":" + target.port()
                + target.requestTarget());
    }

    private static boolean singleLine(String v) {
        return v.indexOf('\r') < 0 && v.indexOf('\n') < 0;
    }

    /**
     * Resolves the host and returns the addresses the policy accepts, in resolver order; blocked when none is. This
     * early check gives a clear answer before robots.txt and politeness work and judges the target when a proxy
     * connects for us; the binding check is {@link GuardedResolver} at connect time (the JVM's DNS cache makes the
     * second lookup free). The lookup runs on a virtual thread so that a slow resolver counts against the deadline
     * instead of blocking past it.
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
        if (io.huixun.text.charset.CharsetDetector.isMultiByteUtf8(bytes)) {
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
                    Optional.of(d.notBefore()), Optional.empty());
            // 429/503 with Retry-After: the site asked us to come back later, so the page is deferred, not blocked
            case FetchResult.HttpError e when e.retryAfter().isPresent() -> new CachedRobots(
                    RobotsPolicy.disallowAll(), e.retryAfter().get(), e.retryAfter(), Optional.empty());
            // §2.3.1.4: unreachable (5xx, network error, timeout, too many redirects) means complete disallow, for a
            // while; the cause travels with the answer so nobody reads "robots.txt forbids it" for a refused port
            default -> new CachedRobots(RobotsPolicy.disallowAll(), now.plus(ROBOTS_FAILURE_TTL), Optional.empty(),
                    Optional.of(r.describe()));
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

    /** The address guard refused; message says which address and why. */
    private static final class Blocked extends Exception {
        Blocked(String message) {
            super(message, null, false, false);
        }
    }
}
