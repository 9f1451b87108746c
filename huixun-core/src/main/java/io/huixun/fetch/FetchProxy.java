package io.huixun.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbound HTTP proxy: one for http:// targets (forwarded, absolute-form request), one for https:// targets
 * (CONNECT tunnel, TLS end to end), and hosts that bypass both. Immutable.
 *
 * <p>Design note: the proxy address is the operator's own setting, so the SSRF guard does not judge it (a corporate
 * proxy on 10.0.0.5 is normal); the guard still judges the target host, resolved here before the request, although
 * the proxy resolves it again on its side. {@code NO_PROXY} follows curl and Go: comma-separated host names
 * (subdomains included, a leading dot allowed), IP literals, CIDR ranges, {@code *} for everything, an optional
 * {@code :port}. Example: {@code NO_PROXY=".internal,10.0.0.0/8"} → {@code news.internal} and {@code 10.1.2.3} go
 * direct.
 *
 * @param http     proxy for http:// targets
 * @param https    proxy for https:// targets
 * @param noProxy  NO_PROXY entries, lower case
 */
public record FetchProxy(Optional<URI> http, Optional<URI> https, List<String> noProxy) {
    public FetchProxy {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(https, "https");
        noProxy = noProxy.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        http.ifPresent(FetchProxy::check);
        https.ifPresent(FetchProxy::check);
    }

    /** Direct connections only. */
    public static FetchProxy none() {
        return new FetchProxy(Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * Reads http_proxy / HTTP_PROXY, https_proxy / HTTPS_PROXY and no_proxy / NO_PROXY (lower case wins, as in
     * curl). {@code HTTPS_PROXY=http://proxy:3128} → https:// targets tunnel through proxy:3128.
     *
     * @throws IllegalArgumentException when a proxy value is not an http(s) URL or host:port (one sentence)
     */
    public static FetchProxy fromEnvironment(Map<String, String> env) {
        return new FetchProxy(parse(env, "http_proxy"), parse(env, "https_proxy"),
                List.of(value(env, "no_proxy").orElse("").split(",")));
    }

    /** The proxy for a target, or empty when it goes direct. */
    public Optional<URI> proxyFor(boolean httpsTarget, String host, int port) {
        Optional<URI> p = httpsTarget ? https : http;
        if (p.isEmpty() || bypasses(host, port)) {
            return Optional.empty();
        }
        return p;
    }

    /** Whether NO_PROXY sends this host (an ASCII name or IP literal, IPv6 without brackets) direct. */
    public boolean bypasses(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String e = entry;
            int entryPort = -1;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon && e.substring(colon + 1).matches("[0-9]{1,5}")) {
                entryPort = Integer.parseInt(e.substring(colon + 1));
                e = e.substring(0, colon);
            }
            if (e.startsWith("[") && e.endsWith("]")) {
                e = e.substring(1, e.length() - 1);
            }
            if (entryPort >= 0 && entryPort != port) {
                continue;
            }
            if (e.contains("/")) {
                if (inRange(e, h)) {
                    return true;
                }
                continue;
            }
            String domain = e.startsWith(".") ? e.substring(1) : e.startsWith("*.") ? e.substring(2) : e;
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(String cidr, String host) {
        if (!host.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            return AddressRules.Cidr.parse(cidr).contains(InetAddress.getByName(host));
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Optional<URI> parse(Map<String, String> env, String name) {
        Optional<String> v = value(env, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String text = v.get().contains("://") ? v.get() : "http://" + v.get();
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name.toUpperCase(Locale.ROOT) + " is not a proxy URL: " + v.get());
        }
    }

    private static Optional<String> value(Map<String, String> env, String lowerName) {
        String v = env.get(lowerName);
        if (v == null || v.isBlank()) {
            v = env.get(lowerName.toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static void check(URI proxy) {
        String scheme = proxy.getScheme() == null ? "" : proxy.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("proxy must be an http:// or https:// URL, got: " + proxy);
        }
        if (proxy.getHost() == null) {
            throw new IllegalArgumentException("proxy URL has no host: " + proxy);
        }
        if (proxy.getRawUserInfo() != null) {
            throw new IllegalArgumentException("proxy credentials in the URL are not supported: " + proxy.getHost());
        }
    }

    /** The proxy's port, defaulting by scheme. */
    static int port(URI proxy) {
        return proxy.getPort() > 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
    }

    /** Every proxy configured, for the resolver's exemption. */
    List<URI> all() {
        List<URI> out = new ArrayList<>();
        http.ifPresent(out::add);
        https.ifPresent(out::add);
        return out;
    }
}
