package io.huixun.app.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huixun.app.web.NewsDesk;
import io.huixun.app.web.view.ArticleCard;
import io.huixun.app.web.view.SearchHitView;
import io.huixun.store.reader.Alert;
import io.huixun.store.reader.ReaderStore;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers keyword alerts: each round, for each alert (at most {@value #MAX_ALERTS}), the newest
 * {@value #PER_ROUND} matches of its query by time are looked up in the search index, those stored after the alert's
 * last delivered article are POSTed to its webhook, and on a 2xx the alert moves on to the newest of them. A failed
 * delivery leaves the alert where it was, so the next round sends those articles again. The cost of a round is the
 * number of alerts times one search, never the size of the store.
 *
 * <p>Payload: {@code {"alert":{"id":3,"query":"芯片"},"articles":[{"id":812,"title":"…","url":"https://…",
 * "source":"新华网","published":"2026-01-05T09:00:00+08:00","link":"http://host/article/812"}]}}.
 *
 * <p>Threads: {@link #runOnce} is called by one thread at a time (the dispatcher's own, or a test); the parts it uses
 * are thread-safe.
 */
public final class AlertDispatcher implements AutoCloseable {
    static final int MAX_ALERTS = 10_000;
    static final int PER_ROUND = 20;
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReaderStore readers;
    private final NewsDesk desk;
    private final WebhookSender sender;
    private final String baseUrl;
    private volatile Thread thread;

    public AlertDispatcher(ReaderStore readers, NewsDesk desk, WebhookSender sender, String baseUrl) {
        this.readers = readers;
        this.desk = desk;
        this.sender = sender;
        this.baseUrl = baseUrl;
    }

    /** One round over every alert; how many deliveries succeeded. */
    public int runOnce() {
        int delivered = 0;
        for (Alert alert : readers.allAlerts(MAX_ALERTS)) {
            List<ArticleCard> fresh = desk.search(alert.query(), "time", 0, PER_ROUND, false).hits().stream()
                    .map(SearchHitView::card).filter(c -> c.id() > alert.lastArticleId()).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            switch (sender.post(alert.webhookUrl(), payload(alert, fresh))) {
                case WebhookSender.Delivery.Delivered d -> {
                    readers.advanceAlert(alert.id(), fresh.stream().mapToLong(ArticleCard::id).max().orElseThrow());
                    delivered++;
                }
                case WebhookSender.Delivery.Failed f ->
                        LOG.warn("alert {} to {}: not delivered after {} attempts: {}", alert.id(), alert.webhookUrl(),
                                f.attempts(), f.reason());
            }
        }
        return delivered;
    }

    String payload(Alert alert, List<ArticleCard> cards) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("alert").put("id", alert.id()).put("query", alert.query());
        ArrayNode list = o.putArray("articles");
        for (ArticleCard c : cards) {
            ObjectNode a = list.addObject();
            a.put("id", c.id());
            a.put("title", c.title());
            c.url().ifPresent(u -> a.put("url", u));
            a.put("source", c.source());
            c.published().ifPresent(p -> a.put("published", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p)));
            a.put("link", baseUrl + "/article/" + c.id());
        }
        return o.toString();
    }

    /** Runs a round every {@code every} on a daemon thread until closed. */
    public void start(Duration every) {
        thread = Thread.ofPlatform().daemon().name("keyword-alerts").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    runOnce();
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("keyword alerts: a round failed: {}", e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        sender.close();
    }
}
