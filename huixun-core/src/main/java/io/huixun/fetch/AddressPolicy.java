package io.huixun.fetch;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses the fetcher may connect to: the SSRF guard.
 *
 * <p>Design note: the fetcher resolves a host once, asks this policy about every address, and connects to an address
 * it approved (so a second DNS answer cannot swap in a private address), on the first hop and on every redirect.
 * IPv4 hidden inside IPv6 is unpacked before judging: mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d},
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16} and Teredo {@code 2001::/32} (server and client addresses).
 * Example: {@code 64:ff9b::7f00:1} → 127.0.0.1 → blocked as loopback.
 *
 * <p>{@link #standard()} blocks every non-global range (RFC 6890 special-purpose registries); {@link #allowing} adds an
 * operator's explicit allow-list (e.g. a LAN RSSHub at {@code 192.168.1.20/32}). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AddressPolicy {

    /** Why {@code address} must not be contacted, or empty when it may be. */
    Optional<String> blockReason(InetAddress address);

    /** The default guard: only globally routable unicast addresses. */
    static AddressPolicy standard() {
        return AddressRules::blockReason;
    }

    /**
     * This policy, with the given CIDR ranges always allowed (an explicit setting for LAN sources). Cloud metadata
     * endpoints (169.254.169.254, fd00:ec2::254, 100.100.100.200) stay blocked inside an allowed range unless one is
     * listed exactly, as a /32 or /128: {@code allowing(["169.254.0.0/16"])} still refuses 169.254.169.254, where the
     * instance's credentials live.
     *
     * @throws IllegalArgumentException when a range is not {@code address/prefix} with an IP literal
     */
    default AddressPolicy allowing(List<String> cidrs) {
        List<AddressRules.Cidr> ranges = new ArrayList<>();
        for (String c : cidrs) {
            ranges.add(AddressRules.Cidr.parse(c));
        }
        AddressPolicy base = this;
        return address -> {
            boolean metadata = AddressRules.isCloudMetadata(address);
            for (AddressRules.Cidr r : ranges) {
                if (r.contains(address) && (!metadata || r.isSingleAddress())) {
                    return Optional.empty();
                }
            }
            Optional<String> reason = base.blockReason(address);
            if (reason.isEmpty() && metadata) {
                return Optional.of("cloud metadata endpoint " + address.getHostAddress()
                        + " (allow it only by listing it exactly)");
            }
            return reason;
        };
    }
}
