package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookUrlTest {
    @Test
    void onlyHttpAndHttpsWithAHostUnderTheLimit() {
        assertThat(WebhookUrl.problem("file:///etc/passwd")).contains("alert.badUrl");
        assertThat(WebhookUrl.problem("https:///no-host")).contains("alert.badUrl");
        assertThat(WebhookUrl.problem("https://hooks.example.cn/" + "x".repeat(WebhookUrl.MAX_LENGTH))).contains("alert.badUrl");
        assertThat(WebhookUrl.problem("https://hooks.example.cn/x")).isEmpty();
        assertThat(WebhookUrl.problem("http://127.0.0.1:8080/hook")).isEmpty();
    }
}
