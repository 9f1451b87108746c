package io.huixun.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The SSRF guard at connect time: Jetty asks this resolver for the addresses of every host it is about to connect to
 * (first hop, each redirect hop, pooled connection misses), and gets only addresses the {@link AddressPolicy}
 * approves, so a DNS answer that changed since the fetcher's own check cannot slip a private address in.
 *
 * <p>Example: {@code resolve("localhost", 80)} → fails with {@link BlockedAddressException} "localhost resolves to a
 * blocked address: loopback 127.0.0.1". IP literals in any WHATWG form are decoded without DNS; names are looked up
 * on a virtual thread (the lookup blocks in native code), so Jetty's selector never waits for DNS. The configured
 * proxies are the operator's own addresses and are resolved without the policy. Stateless apart from the immutable
 * policy and proxy set: thread-safe.
 */
public final class GuardedResolver implements SocketAddressResolver {
    private static final ExecutorService LOOKUPS = Executors.newVirtualThreadPerTaskExecutor();

    /** The policy refused every address of a host; the message says which address and why. */
    static final class BlockedAddressException extends IOException {
        BlockedAddressException(String message) {
            super(message, null);
        }
    }

    private final AddressPolicy policy;
    private final Set<String> exempt;

    public GuardedResolver(AddressPolicy policy, List<URI> proxies) {
        this.policy = policy;
        this.exempt = proxies.stream().map(p -> key(p.getHost(), FetchProxy.port(p))).collect(Collectors.toSet());
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context,
                        Promise<List<InetSocketAddress>> promise) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean trusted = exempt.contains(key(h, port));
        Optional<InetAddress> literal;
        try {
            literal = literal(h);
        } catch (UnknownHostException e) {
            promise.failed(e);
            return;
        }
        if (literal.isPresent()) {
            judge(h, port, new InetAddress[] {literal.get()}, trusted, promise);
            return;
        }
        LOOKUPS.execute(() -> {
            InetAddress[] all;
            try {
                all = InetAddress.getAllByName(h);
            } catch (UnknownHostException e) {
                promise.failed(e);
                return;
            } catch (RuntimeException e) {
                promise.failed(new UnknownHostException(h + ": " + e.getMessage()));
                return;
            }
            judge(h, port, all, trusted, promise);
        });
    }

    private void judge(String host, int port, InetAddress[] candidates, boolean trusted,
                       Promise<List<InetSocketAddress>> promise) {
        List<InetSocketAddress> approved = new ArrayList<>();
        String firstReason = null;
        for (InetAddress a : candidates) {
            Optional<String> reason = trusted ? Optional.empty() : policy.blockReason(a);
            if (reason.isEmpty()) {
                approved.add(new InetSocketAddress(a, port));
            } else if (firstReason == null) {
                firstReason = reason.get();
            }
        }
        if (approved.isEmpty()) {
            promise.failed(new BlockedAddressException(host + " resolves to a blocked address: " + firstReason));
        } else {
            promise.succeeded(approved);
        }
    }

    /** An IP literal in any form browsers accept ("0x7f.1", "::ffff:7f00:1"), or empty for a name. */
    static Optional<InetAddress> literal(String host) throws UnknownHostException {
        if (host.indexOf(':') >= 0) {
            if (!host.matches("[0-9A-Fa-f:.]+")) {
                throw new UnknownHostException("not an IPv6 literal: " + TargetUrl.abbreviate(host));
            }
            return Optional.of(InetAddress.getByName(host));
        }
        try {
            return TargetUrl.whatwgIpv4(host.toLowerCase(Locale.ROOT));
        } catch (TargetUrl.Rejected e) {
            throw new UnknownHostException(e.getMessage());
        }
    }

    private static String key(String host, int port) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.toLowerCase(Locale.ROOT) + " " + port;
    }
}
