package io.huixun.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** The special-purpose ranges and the unpacking of IPv4 embedded in IPv6. Stateless. */
final class AddressRules {
    private AddressRules() {}

    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("allow-list entry must be ADDRESS/PREFIX, got: " + text);
            }
            String addr = text.substring(0, slash).strip();
            if (!addr.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("allow-list entry must use an IP literal, got: " + text);
            }
            byte[] bytes;
            int prefix;
            try {
                bytes = InetAddress.getByName(addr).getAddress();
                prefix = Integer.parseInt(text.substring(slash + 1).strip());
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("allow-list entry is not a valid CIDR range: " + text, e);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("allow-list prefix out of range in: " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean isSingleAddress() {
            return prefix == network.length * 8;
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            return a.length == network.length && prefixMatches(a, network, prefix);
        }
    }

    private record Range(byte[] network, int prefix, String name) {}

    /** Instance metadata services: AWS/GCP/Azure/OpenStack (IPv4), AWS (IPv6), Alibaba Cloud. */
    private static final List<byte[]> CLOUD_METADATA = List.of(literal("169.254.169.254"), literal("fd00:ec2::254"),
            literal("100.100.100.200"));

    /** Whether the address is a cloud metadata endpoint (also when an IPv6 form embeds it). */
    static boolean isCloudMetadata(InetAddress address) {
        byte[] a = address.getAddress();
        for (byte[] m : CLOUD_METADATA) {
            if (java.util.Arrays.equals(a, m)) {
                return true;
            }
        }
        if (a.length == 16) {
            Optional<byte[]> inner = embeddedV4(a);
            if (inner.isPresent()) {
                for (byte[] m : CLOUD_METADATA) {
                    if (java.util.Arrays.equals(inner.get(), m)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final List<Range> V4 = List.of(
            v4("0.0.0.0", 8, "unspecified/this-network"),
            v4("10.0.0.0", 8, "private (10/8)"),
            v4("100.64.0.0", 10, "shared address space (CGNAT)"),
            v4("127.0.0.0", 8, "loopback"),
            v4("169.254.0.0", 16, "link-local"),
            v4("172.16.0.0", 12, "private (172.16/12)"),
            v4("192.0.0.0", 24, "IETF protocol assignments"),
            v4("192.0.2.0", 24, "documentation"),
            v4("192.88.99.0", 24, "6to4 relay anycast"),
            v4("192.168.0.0", 16, "private (192.168/16)"),
            v4("198.18.0.0", 15, "benchmarking"),
            v4("198.51.100.0", 24, "documentation"),
            v4("203.0.113.0", 24, "documentation"),
            v4("224.0.0.0", 4, "multicast"),
            v4("240.0.0.0", 4, "reserved/broadcast"));

    private static final List<Range> V6 = List.of(
            v6("::", 128, "unspecified"),
            v6("::1", 128, "loopback"),
            v6("64:ff9b:1::", 48, "local-use NAT64"),
            v6("100::", 64, "discard-only"),
            v6("2001:db8::", 32, "documentation"),
            v6("2001:10::", 28, "ORCHID"),
            v6("2001:20::", 28, "ORCHIDv2"),
            v6("fc00::", 7, "unique local"),
            v6("fe80::", 10, "link-local"),
            v6("fec0::", 10, "site-local"),
            v6("ff00::", 8, "multicast"));

    static Optional<String> blockReason(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return v4Reason(a);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("unknown address family");
        }
        for (Range r : V6) {
            if (prefixMatches(a, r.network(), r.prefix())) {
                return Optional.of(r.name() + " " + address.getHostAddress());
            }
        }
        Optional<byte[]> embedded = embeddedV4(a);
        if (embedded.isPresent()) {
            Optional<String> inner = v4Reason(embedded.get());
            if (inner.isPresent()) {
                return Optional.of("IPv6 " + address.getHostAddress() + " embeds " + inner.get());
            }
        }
        if (isTeredo(a)) {
            byte[] client = new byte[4];
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~a[12 + i];
            }
            Optional<String> inner = v4Reason(client);
            if (inner.isPresent()) {
                return Optional.of("Teredo " + address.getHostAddress() + " embeds client " + inner.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> v4Reason(byte[] a) {
        for (Range r : V4) {
            if (prefixMatches(a, r.network(), r.prefix())) {
                return Optional.of(r.name() + " " + (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "."
                        + (a[3] & 0xFF));
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries: mapped, compatible, NAT64 /96, 6to4, Teredo server. */
    private static Optional<byte[]> embeddedV4(byte[] a) {
        boolean zero80 = true;
        for (int i = 0; i < 10; i++) {
            zero80 &= a[i] == 0;
        }
        if (zero80 && ((a[10] == (byte) 0xFF && a[11] == (byte) 0xFF) || (a[10] == 0 && a[11] == 0))) {
            return Optional.of(slice(a, 12)); // ::ffff:a.b.c.d or ::a.b.c.d
        }
        if (a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xFF && a[3] == (byte) 0x9B) {
            boolean zeros = true;
            for (int i = 4; i < 12; i++) {
                zeros &= a[i] == 0;
            }
            if (zeros) {
                return Optional.of(slice(a, 12)); // 64:ff9b::a.b.c.d
            }
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Optional.of(slice(a, 2)); // 2002:AABB:CCDD::
        }
        if (isTeredo(a)) {
            return Optional.of(slice(a, 4)); // Teredo server address
        }
        return Optional.empty();
    }

    private static boolean isTeredo(byte[] a) {
        return a.length == 16 && a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0;
    }

    private static byte[] slice(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    static boolean prefixMatches(byte[] a, byte[] network, int prefix) {
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    private static Range v4(String net, int prefix, String name) {
        return new Range(literal(net), prefix, name);
    }

    private static Range v6(String net, int prefix, String name) {
        return new Range(literal(net), prefix, name);
    }

    private static byte[] literal(String ip) {
        try {
            byte[] b = InetAddress.getByName(ip).getAddress();
            if (ip.contains(":") && b.length == 4) {
                throw new IllegalStateException("literal collapsed to IPv4: " + ip);
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad literal " + ip, e);
        }
    }
}
