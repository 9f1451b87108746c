package io.huixun.bench.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One timed request to a running server's search API, {@code GET /api/search?q=…&limit=10}: the latency (to the last
 * byte of the body), the status (-1 when the exchange failed), the reported total and the URLs of the hits. Shared by
 * the benchmarks that measure {@code huixun serve} from outside ({@code query-latency}, the scale benchmark's serve
 * probe). Example: {@code ask(http, "http://127.0.0.1:8080", "海南", Duration.ofSeconds(30))} →
 * {@code SearchApiCall[nanos=4100000, status=200, total=37, urls=[…]]}. Immutable.
 */
public record SearchApiCall(long nanos, int status, long total, List<String> urls) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SearchApiCall ask(HttpClient http, String base, String text, Duration timeout) {
        URI uri = URI.create(base + "/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&limit=10");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long nanos = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                return new SearchApiCall(nanos, response.statusCode(), 0, List.of());
            }
            JsonNode body = JSON.readTree(response.body());
            List<String> urls = new ArrayList<>();
            for (JsonNode hit : body.path("hits")) {
                urls.add(hit.path("url").asText(""));
            }
            return new SearchApiCall(nanos, 200, body.path("total").asLong(), List.copyOf(urls));
        } catch (IOException e) {
            return new SearchApiCall(System.nanoTime() - t0, -1, 0, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SearchApiCall(System.nanoTime() - t0, -1, 0, List.of());
        }
    }
}
