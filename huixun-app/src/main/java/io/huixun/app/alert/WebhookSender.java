package io.huixun.app.alert;

import io.huixun.fetch.AddressPolicy;
import io.huixun.fetch.GuardedResolver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;

/**
 * POSTs JSON to webhooks, guarded like the fetcher: every address the client connects to is checked by the same
 * {@link AddressPolicy} at connect time ({@link GuardedResolver}), so a webhook cannot reach loopback, the LAN or a
 * cloud metadata endpoint unless the operator allowed it; redirects are not followed (a 3xx is a failure).
 *
 * <p>Retries: a 5xx, 408, 429 or a network error is tried again after each delay of {@code backoff} (the default
 * 1 s, 4 s, 16 s: four attempts in about 21 s); any other 4xx and a blocked address fail at once. Example: a hook
 * that answers 503 twice and then 204 → {@code Delivered(204, 3)}.
 *
 * <p>Thread-safe: Jetty's {@link HttpClient} is; the back-off list is immutable.
 */
public final class WebhookSender implements AutoCloseable {
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(4),
            Duration.ofSeconds(16));
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The outcome of one delivery (all its attempts). */
    public sealed interface Delivery {
        record Delivered(int status, int attempts) implements Delivery {
        }

        record Failed(String reason, int attempts) implements Delivery {
        }
    }

    private final HttpClient client;
    private final List<Duration> backoff;

    public WebhookSender(AddressPolicy policy, List<Duration> backoff) {
        this.backoff = List.copyOf(backoff);
        this.client = new HttpClient();
        client.setSocketAddressResolver(new GuardedResolver(policy, List.of()));
        client.setFollowRedirects(false);
        client.setUserAgentField(new org.eclipse.jetty.http.HttpField(org.eclipse.jetty.http.HttpHeader.USER_AGENT,
                "Huixun-Alerts/0.1"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the webhook client: " + e.getMessage(), e);
        }
    }

    public Delivery post(String url, String json) {
        String last = "";
        for (int attempt = 1; attempt <= backoff.size() + 1; attempt++) {
            try {
                ContentResponse r = client.POST(url)
                        .body(new StringRequestContent("application/json", json, StandardCharsets.UTF_8))
                        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).send();
                int status = r.getStatus();
                if (status >= 200 && status < 300) {
                    return new Delivery.Delivered(status, attempt);
                }
                last = "HTTP " + status;
                if (status < 500 && status != 408 && status != 429) {
                    return new Delivery.Failed(last, attempt);
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                last = String.valueOf(cause.getMessage());
                if (cause.getClass().getSimpleName().equals("BlockedAddressException")) {
                    return new Delivery.Failed(last, attempt);
                }
            } catch (TimeoutException e) {
                last = "no answer within " + TIMEOUT.toSeconds() + " s";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery.Failed("interrupted", attempt);
            } catch (IllegalArgumentException e) {
                return new Delivery.Failed("not a URL: " + e.getMessage(), attempt);
            }
            if (attempt <= backoff.size()) {
                try {
                    Thread.sleep(backoff.get(attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Delivery.Failed("interrupted", attempt);
                }
            }
        }
        return new Delivery.Failed(last, backoff.size() + 1);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping a client that failed is nothing to report
        }
    }
}
