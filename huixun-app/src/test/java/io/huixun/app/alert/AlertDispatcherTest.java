package io.huixun.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huixun.app.Installation;
import io.huixun.app.web.LocalNewsDesk;
import io.huixun.fetch.AddressPolicy;
import io.huixun.ingest.IngestProgress;
import io.huixun.store.reader.AccountAddResult;
import io.huixun.store.reader.Alert;
import io.huixun.store.reader.ReaderStore;
import io.huixun.store.reader.Role;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyword alerts from a real index to a real webhook server on loopback: retries, guard, moving on. */
class AlertDispatcherTest {
    static final List<Duration> QUICK = List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
    @TempDir
    static Path dir;
    static Installation installation;
    static HttpServer hook;
    static final List<String> bodies = new CopyOnWriteArrayList<>();
    static final AtomicInteger failuresLeft = new AtomicInteger();
    static volatile int failWith = 503;
    static long user;

    @BeforeAll
    static void start() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("news.jsonl"), """
                {"title":"芯片出口管制新规发布","body":"商务部发布芯片出口管制新规，涉及多类产品。","url":"https://news.example.cn/chip","date":"2026-01-05","source":"新华网"}
                {"title":"春运首日客流平稳","body":"铁路部门表示春运首日客流平稳有序。","url":"https://news.example.cn/rail","date":"2026-01-06","source":"央视网"}
                """);
        installation = Installation.open(dir.resolve("data"));
        installation.pipeline().ingest(in.toString(), IngestProgress.NONE);
        user = ((AccountAddResult.Added) installation.store().readers().addAccount("li", Role.READER, "h",
                Optional.empty())).account().id();
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = failuresLeft.getAndDecrement() > 0 ? failWith : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterAll
    static void stop() {
        hook.stop(0);
        installation.close();
    }

    static String hookUrl() {
        return "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
    }

    @Test
    void newMatchesArePostedWithRetriesAndSentOnce() {
        ReaderStore readers = installation.store().readers();
        bodies.clear();
        failuresLeft.set(2);
        failWith = 503;
        Alert alert = readers.addAlert(user, "芯片", hookUrl(), 0);
        AlertDispatcher dispatcher = new AlertDispatcher(readers, new LocalNewsDesk(installation),
                new WebhookSender(AddressPolicy.standard().allowing(List.of("127.0.0.1/32")), QUICK), "http://huixun.test");
        try {
            assertThat(dispatcher.runOnce()).isEqualTo(1);
            assertThat(bodies).as("two 503s, then accepted").hasSize(3);
            assertThat(bodies.get(2)).contains("\"query\":\"芯片\"").contains("芯片出口管制新规发布")
                    .contains("http://huixun.test/article/").doesNotContain("春运");
            assertThat(readers.alerts(user).get(0).lastArticleId()).isPositive();
            assertThat(dispatcher.runOnce()).as("nothing new: nothing sent").isZero();
            assertThat(bodies).hasSize(3);
        } finally {
            readers.removeAlert(user, alert.id());
            dispatcher.close();
        }
    }

    @Test
    void aWebhookOnABlockedAddressOrAClientErrorIsNotRetriedAndTheAlertWaits() {
        ReaderStore readers = installation.store().readers();
        bodies.clear();
        Alert alert = readers.addAlert(user, "春运", hookUrl(), 0);
        try (WebhookSender guarded = new WebhookSender(AddressPolicy.standard(), QUICK)) {
            WebhookSender.Delivery d = guarded.post(hookUrl(), "{}");
            assertThat(d).isInstanceOf(WebhookSender.Delivery.Failed.class);
            assertThat(((WebhookSender.Delivery.Failed) d).reason()).contains("loopback");
            assertThat(((WebhookSender.Delivery.Failed) d).attempts()).isEqualTo(1);
            assertThat(new AlertDispatcher(readers, new LocalNewsDesk(installation), guarded, "http://h").runOnce()).isZero();
            assertThat(bodies).as("the guard stopped it before any connection").isEmpty();
            assertThat(readers.alerts(user).get(0).lastArticleId()).isZero();
        }
        failuresLeft.set(1);
        failWith = 404;
        try (WebhookSender open = new WebhookSender(AddressPolicy.standard().allowing(List.of("127.0.0.1/32")), QUICK)) {
            assertThat(open.post(hookUrl(), "{}")).isEqualTo(new WebhookSender.Delivery.Failed("HTTP 404", 1));
        } finally {
            readers.removeAlert(user, alert.id());
        }
    }
}
