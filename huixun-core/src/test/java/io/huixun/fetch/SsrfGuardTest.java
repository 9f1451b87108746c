package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF table: every URL here must come back {@link FetchResult.BlockedAddress} and nothing may be connected to.
 * A listening server on 127.0.0.1 proves that a leak would have been answered.
 */
class SsrfGuardTest {
    private static final FetchSettings SETTINGS = FetchSettings.defaults().withRobots(false)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).withPoliteness(Duration.ZERO, Duration.ZERO);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://127.1.2.3:8080/x", "http://10.0.0.1/", "http://10.255.255.255/",
        "http://172.16.0.1/", "http://172.31.255.254/", "http://192.168.0.1/", "http://192.168.255.255/",
        "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://100.127.255.254/",
        "http://0.0.0.0/", "http://0/", "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/",
        "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[febf::1]/", "http://[fc00::1]/",
        "http://[fd12:3456::1]/", "http://[ff02::1]/", "http://[ff05::2]/",
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:7f00:1]/",
        "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/",
        "http://[2002:c0a8:101::1]/", "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/",
        "http://[2001:0:7f00:1::1]/", "http://[::127.0.0.1]/",
        "http://2130706433/", "http://0x7f.1/", "http://0x7f000001/", "http://0177.0.0.1/", "http://017700000001/",
        "http://127.1/", "http://0x7F.0x00.0x00.0x01/", "http://3232235521/", "http://%31%32%37.0.0.1/",
        "http://evil@127.0.0.1/", "http://user:pass@10.0.0.1:8080/", "http://evil.com@127.0.0.1/",
        "http://localhost/", "http://LOCALHOST./", "https://127.0.0.1/", "http://127.0.0.1.:80/"
    })
    void privateAndSpecialAddressesAreBlocked(String url) throws Exception {
        try (TestHttpServer bait = new TestHttpServer("127.0.0.1")) {
            Fetcher fetcher = Fetcher.create(SETTINGS);
            FetchResult r = fetcher.fetch(url);
            assertThat(r).as(url).isInstanceOf(FetchResult.BlockedAddress.class);
            // the same URL on the bait's port is refused too, and the bait never sees a request
            FetchResult onBait = fetcher.fetch(bait.url("/"));
            assertThat(onBait).isInstanceOf(FetchResult.BlockedAddress.class);
            assertThat(bait.requests).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "192.169.0.1", "223.255.255.254",
        "2606:4700:4700::1111", "2001:4860:4860::8888", "2002:808:808::1", "64:ff9b::808:808"})
    void publicAddressesPass(String ip) throws Exception {
        assertThat(AddressPolicy.standard().blockReason(InetAddress.getByName(ip))).as(ip).isEmpty();
    }

    @Test
    void allowListOpensOnlyTheListedRange() throws Exception {
        AddressPolicy lan = AddressPolicy.standard().allowing(List.of("192.168.1.0/24", "fd00::/8"));
        assertThat(lan.blockReason(InetAddress.getByName("192.168.1.20"))).isEmpty();
        assertThat(lan.blockReason(InetAddress.getByName("fd00::5"))).isEmpty();
        assertThat(lan.blockReason(InetAddress.getByName("192.168.2.20"))).isPresent();
        assertThat(lan.blockReason(InetAddress.getByName("127.0.0.1"))).isPresent();
    }

    @Test
    void redirectFromAPublicAddressToAPrivateOneIsBlockedAtTheSecondHop() throws Exception {
        // Test-only policy: a second loopback address (127.0.0.2 or ::1) plays a public host; 127.0.0.1 stays
        // private (lessons.md: a test on 127.0.0.1 alone cannot tell a first-hop check from a redirect check).
        AddressPolicy policy = AddressPolicy.standard().allowing(List.of(TestHttpServer.standInCidr()));
        try (TestHttpServer internal = new TestHttpServer("127.0.0.1");
             TestHttpServer publicSite = new TestHttpServer(TestHttpServer.PUBLIC_STAND_IN)) {
            internal.route("/secret", TestHttpServer.text(200, "text/plain", "credentials"));
            publicSite.route("/go", TestHttpServer.redirect(302, internal.url("/secret")));
            publicSite.route("/numeric", TestHttpServer.redirect(301,
                    "http://2130706433:" + internal.port() + "/secret"));
            publicSite.route("/ok", TestHttpServer.redirect(302, "/final"));
            publicSite.route("/final", TestHttpServer.text(200, "text/plain", "fine"));
            Fetcher fetcher = Fetcher.create(SETTINGS.withAddressPolicy(policy));

            FetchResult first = fetcher.fetch(publicSite.url("/go"));
            assertThat(first).isInstanceOfSatisfying(FetchResult.BlockedAddress.class,
                    b -> assertThat(b.url().toString()).isEqualTo(internal.url("/secret")));
            FetchResult numeric = fetcher.fetch(publicSite.url("/numeric"));
            assertThat(numeric).isInstanceOf(FetchResult.BlockedAddress.class);
            assertThat(internal.requests).isEmpty();
            assertThat(publicSite.hits("/go")).isEqualTo(1);

            // control: the same first hop with a public second hop is fetched
            FetchResult control = fetcher.fetch(publicSite.url("/ok"));
            assertThat(control).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
                assertThat(f.text()).isEqualTo("fine");
                assertThat(f.redirects()).hasSize(1);
            });
        }
    }
}
