package io.huixun.fetch;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL the fetcher is willing to request: http or https, a host, a sane length, no control characters.
 *
 * <p>Design note: hosts are read the way browsers read them (WHATWG URL), because that is what an attacker aims at:
 * {@code http://2130706433/}, {@code http://0x7f.1/} and {@code http://0177.0.0.1/} are all 127.0.0.1, so numeric
 * hosts are turned into an IPv4 address here and never handed to DNS. Userinfo is dropped (never sent).
 *
 * @param uri      the normalised URI, all ASCII (no userinfo, no fragment, IDNA host, UTF-8 percent-encoding)
 * @param host     the ASCII host name or IP literal (IPv6 without brackets), lower case
 * @param port     the effective port
 * @param literal  the IP address when the host is an IP literal in any form
 */
record TargetUrl(URI uri, String host, int port, boolean https, Optional<InetAddress> literal) {
    static final int MAX_LENGTH = 4096;

    /** Thrown for a URL the fetcher refuses; the message names the rule and the value. */
    static final class Rejected extends Exception {
        private final boolean notHttp;

        Rejected(String message) {
            this(message, false);
        }

        Rejected(String message, boolean notHttp) {
            super(message, null, false, false);
            this.notHttp = notHttp;
        }

        /** True when the text is no http(s) URL at all ({@code ftp://x.cn/}, {@code http:/x}), not a broken one. */
        boolean notHttp() {
            return notHttp;
        }
    }

    static TargetUrl parse(String text) throws Rejected {
        if (text.length() > MAX_LENGTH) {
            throw new Rejected("URL longer than " + MAX_LENGTH + " characters (" + text.length() + ")");
        }
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == ' ') {
                throw new Rejected(String.format("URL contains control or space character U+%04X at %d", (int) c, i));
            }
        }
        URI raw;
        try {
            raw = new URI(s);
        } catch (URISyntaxException e) {
            throw new Rejected("URL does not parse: " + e.getMessage());
        }
        String scheme = raw.getScheme() == null ? "" : raw.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Rejected("URL scheme must be http or https, got: " + (scheme.isEmpty() ? "(none)" : scheme),
                    true);
        }
        String authority = raw.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new Rejected("URL has no host: " + abbreviate(s), true);
        }
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String host;
        int port = scheme.equals("https") ? 443 : 80;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new Rejected("URL has an unclosed IPv6 literal: " + abbreviate(s));
            }
            host = hostPort.substring(1, close);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                port = parsePort(rest, s);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            if (colon >= 0) {
                port = parsePort(hostPort.substring(colon), s);
            }
        }
        if (host.isEmpty()) {
            throw new Rejected("URL has no host: " + abbreviate(s), true);
        }
        Optional<InetAddress> literal;
        if (hostPort.startsWith("[")) {
            if (!host.matches("[0-9A-Fa-f:.]+")) {
                throw new Rejected("URL has an invalid IPv6 literal: " + host);
            }
            try {
                literal = Optional.of(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                throw new Rejected("URL has an invalid IPv6 literal: " + host);
            }
            host = host.toLowerCase(Locale.ROOT);
        } else {
            try {
                host = IDN.toASCII(percentDecodeHost(host), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new Rejected("URL host is not a valid domain name: " + abbreviate(host));
            }
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (host.isEmpty() || !host.matches("[a-z0-9._-]+")) {
                throw new Rejected("URL host has characters not allowed in a domain name: " + abbreviate(host));
            }
            literal = whatwgIpv4(host);
        }
        String uriHost = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
        String path = raw.getRawPath() == null || raw.getRawPath().isEmpty() ? "/" : raw.getRawPath();
        String query = raw.getRawQuery() == null ? "" : "?" + raw.getRawQuery();
        URI normalised;
        try {
            // ASCII form: non-ASCII path characters percent-encoded as UTF-8, as they go on the wire
            normalised = new URI(new URI(scheme + "://" + uriHost + (defaultPort ? "" : ":" + port) + path + query)
                    .toASCIIString());
        } catch (URISyntaxException e) {
            throw new Rejected("URL does not parse after normalisation: " + e.getMessage());
        }
        return new TargetUrl(normalised, host, port, scheme.equals("https"), literal);
    }

    /** The request target: path and query, ASCII only. */
    String requestTarget() {
        String ascii = uri.toASCIIString();
        int start = ascii.indexOf('/', ascii.indexOf("//") + 2);
        return start < 0 ? "/" : ascii.substring(start);
    }

    /** The Host header value. */
    String hostHeader() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }

    /** Origin key for robots.txt and politeness: scheme, host and port. */
    String origin() {
        return (https ? "https://" : "http://") + hostHeader();
    }

    private static int parsePort(String colonPort, String url) throws Rejected {
        String digits = colonPort.substring(1);
        if (digits.isEmpty()) {
            return url.regionMatches(true, 0, "https", 0, 5) ? 443 : 80;
        }
        if (!digits.matches("[0-9]{1,5}")) {
            throw new Rejected("URL port is not a number: " + abbreviate(digits));
        }
        int p = Integer.parseInt(digits);
        if (p < 1 || p > 65535) {
            throw new Rejected("URL port out of range 1-65535: " + p);
        }
        return p;
    }

    private static String percentDecodeHost(String host) throws Rejected {
        if (host.indexOf('%') < 0) {
            return host;
        }
        // Browsers percent-decode the host before anything else: http://%31%32%37.0.0.1/ is 127.0.0.1.
        try {
            return java.net.URLDecoder.decode(host.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Rejected("URL host has a bad percent escape: " + abbreviate(host));
        }
    }

    /**
     * WHATWG's IPv4 parser: 1 to 4 dot-separated numbers in decimal, octal (leading 0) or hex (0x); the last one
     * fills the remaining bytes. {@code "0x7f.1"} → 127.0.0.1, {@code "2130706433"} → 127.0.0.1. Empty when the host
     * is a domain name.
     */
    static Optional<InetAddress> whatwgIpv4(String host) throws Rejected {
        String[] parts = host.split("\\.", -1);
        int n = parts.length;
        if (n > 1 && parts[n - 1].isEmpty()) {
            n--;
        }
        String last = parts[n - 1];
        if (!last.matches("[0-9]+|0[xX][0-9a-fA-F]*")) {
            return Optional.empty(); // the last label is not numeric: a domain name
        }
        if (n > 4) {
            throw new Rejected("URL host looks like an IPv4 address with too many parts: " + host);
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = parseIpv4Number(parts[i], host);
        }
        for (int i = 0; i < n - 1; i++) {
            if (values[i] > 255) {
                throw new Rejected("URL host has an IPv4 part above 255: " + host);
            }
        }
        if (values[n - 1] >= 1L << (8 * (5 - n))) {
            throw new Rejected("URL host is an IPv4 number out of range: " + host);
        }
        long ip = values[n - 1];
        for (int i = 0; i < n - 1; i++) {
            ip += values[i] << (8 * (3 - i));
        }
        byte[] b = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        try {
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4-byte address rejected", e);
        }
    }

    private static long parseIpv4Number(String part, String host) throws Rejected {
        if (part.isEmpty()) {
            throw new Rejected("URL host has an empty IPv4 part: " + host);
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 12) {
            throw new Rejected("URL host has an IPv4 part out of range: " + host);
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new Rejected("URL host is neither a domain name nor an IPv4 address: " + host);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
