package io.huixun.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many callers at once (virtual threads, as the refresh scheduler will call): per host at most {@code maxPerHost}
 * exchanges and connections, and a host whose server hangs never delays fetches of another host.
 */
class FetcherPoliteConcurrencyTest {

    @Test
    void slowHostDoesNotDelayAnotherAndNeverGetsMoreThanTwoConnections() throws Exception {
        String second = "127.0.0.3";
        assumeTrue(binds(second), "needs a third loopback address (Linux routes all of 127/8)");
        assumeTrue(TestHttpServer.PUBLIC_STAND_IN.equals("127.0.0.2"));
        CountDownLatch release = new CountDownLatch(1);
        try (JettyTestServer slow = new JettyTestServer("127.0.0.2", null);
             JettyTestServer fast = new JettyTestServer(second, null);
             Fetcher fetcher = Fetcher.create(FetchSettings.defaults().withRobots(false)
                     .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30))
                     .withPoliteness(Duration.ZERO, Duration.ofSeconds(30))
                     .withAddressPolicy(AddressPolicy.standard().allowing(List.of("127.0.0.2/32", second + "/32"))));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            slow.route("/hang", r -> {
                release.await(30, TimeUnit.SECONDS);
                return JettyTestServer.Answer.text("late");
            });
            fast.route("/quick", r -> JettyTestServer.Answer.text("quick"));
            List<Future<FetchResult>> hanging = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                hanging.add(callers.submit(() -> fetcher.fetch(slow.url("/hang"))));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slow.inFlight.get() < 2 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(slow.inFlight.get()).isEqualTo(2);
            // the slow host holds its two permits and four callers queue; the other host is served meanwhile
            List<Future<FetchResult>> quick = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                quick.add(callers.submit(() -> fetcher.fetch(fast.url("/quick"))));
            }
            for (Future<FetchResult> q : quick) {
                assertThat(q.get(10, TimeUnit.SECONDS)).isInstanceOf(FetchResult.Fetched.class);
            }
            assertThat(release.getCount()).isEqualTo(1); // still hanging while the other host was served
            assertThat(hanging).noneMatch(Future::isDone);
            release.countDown();
            for (Future<FetchResult> h : hanging) {
                assertThat(h.get(30, TimeUnit.SECONDS)).isInstanceOf(FetchResult.Fetched.class);
            }
            assertThat(slow.maxInFlight.get()).isEqualTo(2);
            assertThat(slow.maxOpen.get()).isLessThanOrEqualTo(2);
            assertThat(slow.hits("/hang")).isEqualTo(6);
        }
    }

    @Test
    void hostIntervalSpacesRequestStartsAcrossThreads() throws Exception {
        try (JettyTestServer server = new JettyTestServer(TestHttpServer.PUBLIC_STAND_IN, null);
             Fetcher fetcher = Fetcher.create(TestHttpServer.reachingStandIn().withRobots(false)
                     .withPoliteness(Duration.ofMillis(1000), Duration.ofSeconds(10)));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Long> starts = java.util.Collections.synchronizedList(new ArrayList<>());
            server.route("/t", r -> {
                starts.add(System.nanoTime());
                return JettyTestServer.Answer.text("t");
            });
            assertThat(fetcher.fetch(server.url("/t"))).isInstanceOf(FetchResult.Fetched.class); // warm connection
            List<Future<FetchResult>> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(callers.submit(() -> fetcher.fetch(server.url("/t"))));
            }
            for (Future<FetchResult> f : all) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isInstanceOf(FetchResult.Fetched.class);
            }
            List<Long> sorted = starts.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                // a wide margin: receive times jitter on a busy machine
                assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1))).isGreaterThan(Duration.ofMillis(500));
            }
        }
    }

    private static boolean binds(String address) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
