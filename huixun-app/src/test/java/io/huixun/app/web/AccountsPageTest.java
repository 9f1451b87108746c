package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.store.reader.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator manages accounts on the web as with {@code huixun users}; readers cannot. Real HTTP, real store. */
class AccountsPageTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static FormClient web;

    @BeforeAll
    static void start() {
        site = TestSite.start(Installation.open(dir.resolve("data")), Optional.empty(),
                (desk, auth) -> List.of(new LoginGuard(auth), new AccountsPage(auth)));
        site.auth().accounts().add("chief", Role.ADMIN, "chief-password");
        web = new FormClient(site.server(), site.auth());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void anAdministratorAddsResetsAndRemovesAccountsAndAReaderCannot() throws Exception {
        FormClient.Login chief = web.login("chief");
        assertThat(web.get("/accounts", chief).body()).contains("chief").contains("管理员");

        HttpResponse<String> added = web.post("/accounts", "name=wang&role=READER&password=wang-password",
                chief);
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("已添加账户 wang。");
        FormClient.Login wang = web.login("wang");
        assertThat(web.get("/accounts", wang).statusCode()).isEqualTo(403);
        assertThat(web.post("/accounts", "name=evil&role=ADMIN&password=evil-password", wang).statusCode())
                .isEqualTo(403);
        assertThat(site.installation().store().readers().account("evil")).isEmpty();

        HttpResponse<String> weak = web.post("/accounts", "name=li&role=READER&password=short", chief);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("密码至少需要 8 个字符。").doesNotContain("Refused[");
        HttpResponse<String> taken = web.post("/accounts", "name=wang&role=READER&password=another-pw",
                chief);
        assertThat(taken.body()).contains("已有名为 “wang” 的账户。");

        // a new password ends the account's sessions
        assertThat(web.post("/accounts/wang/password", "password=wang-new-password", chief).body())
                .contains("已为 wang 设置新密码");
        assertThat(site.auth().session(wang.token())).isEmpty();

        assertThat(web.post("/accounts/chief/remove", "", chief).body()).contains("不能删除自己正在使用的账户");
        assertThat(web.post("/accounts/wang/remove", "", chief).body()).contains("已删除账户 wang。");
        assertThat(site.installation().store().readers().account("wang")).isEmpty();
    }
}
