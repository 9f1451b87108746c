package io.huixun.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.account.Accounts;
import io.huixun.app.account.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code huixun users …} on a real store, the password on standard input. */
class UsersCommandTest {
    @TempDir
    Path dir;

    private byte[] line(String s) {
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private boolean verifies(String name, String password) {
        try (Installation i = Installation.open(dir, Installation.Mode.STORE, java.util.Optional.empty(),
                java.util.Optional.empty())) {
            return new Accounts(i.store().readers(), new PasswordHasher()).verify(name, password).isPresent();
        }
    }

    @Test
    void addListPasswdRemove() {
        String data = dir.toString();
        CliRun added = CliRun.run(line("正确的马电池订书钉"), "users", "add", "li", "--admin", "--data", data);
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(added.stdout()).contains("added administrator li");
        assertThat(CliRun.run(line("another-secret"), "users", "add", "wang", "--data", data).exitCode()).isZero();
        assertThat(CliRun.run("users", "list", "--data", data).stdout()).contains("li  admin").contains("wang  reader");
        assertThat(verifies("li", "正确的马电池订书钉")).isTrue();

        CliRun taken = CliRun.run(line("whatever-long"), "users", "add", "li", "--data", data);
        assertThat(taken.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
        assertThat(taken.stderr()).contains("already an account named 'li'");
        CliRun shortPw = CliRun.run(line("short"), "users", "add", "zhao", "--data", data);
        assertThat(shortPw.stderr()).contains("at least 8 characters").doesNotContain("Exception");
        CliRun badName = CliRun.run(line("long-enough"), "users", "add", "a:b", "--data", data);
        assertThat(badName.stderr()).contains("no spaces, colons");
        assertThat(CliRun.run(new byte[0], "users", "passwd", "li", "--data", data).stderr())
                .contains("no password on standard input");

        assertThat(CliRun.run(line("a-new-password"), "users", "passwd", "li", "--data", data).exitCode()).isZero();
        assertThat(verifies("li", "a-new-password")).isTrue();
        assertThat(verifies("li", "正确的马电池订书钉")).isFalse();

        assertThat(CliRun.run("users", "remove", "wang", "--data", data).exitCode()).isZero();
        assertThat(CliRun.run("users", "remove", "wang", "--data", data).stderr()).contains("no account named 'wang'");
        assertThat(CliRun.run("users", "list", "--data", data).stdout()).doesNotContain("wang");
    }

    @Test
    void tokenPrintsANewTokenOnceAndReplacesTheEarlierOne() {
        String data = dir.toString();
        assertThat(CliRun.run(line("long-enough-pw"), "users", "add", "li", "--data", data).exitCode()).isZero();
        CliRun first = CliRun.run("users", "token", "li", "--data", data);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        String t1 = first.stdout().strip();
        assertThat(t1).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.stderr()).contains("Authorization: Bearer");
        String t2 = CliRun.run("users", "token", "li", "--data", data).stdout().strip();
        assertThat(t2).isNotEqualTo(t1);
        try (Installation i = Installation.open(dir, Installation.Mode.STORE, java.util.Optional.empty(),
                java.util.Optional.empty())) {
            io.huixun.app.web.AdminAuth auth = io.huixun.app.web.AdminAuth.open(i.store().readers(), "admin",
                    java.util.Optional.empty(), java.time.Clock.systemUTC());
            assertThat(auth.bearer("Bearer " + t2)).map(s -> s.user()).contains("li");
            assertThat(auth.bearer("Bearer " + t1)).as("the earlier token is replaced").isEmpty();
            assertThat(i.store().readers().session(t2, java.time.Instant.now())).as("only the hash is kept").isEmpty();
        }
        CliRun unknown = CliRun.run("users", "token", "nobody", "--data", data);
        assertThat(unknown.exitCode()).isEqualTo(HuixunCommand.BAD_INPUT);
        assertThat(unknown.stderr()).contains("no account named 'nobody'").doesNotContain("Exception");
    }

    @Test
    void thereIsNoPasswordOption() {
        CliRun r = CliRun.run(line("x"), "users", "add", "li", "--password", "secret123", "--data", dir.toString());
        assertThat(r.exitCode()).isEqualTo(HuixunCommand.USAGE);
    }
}
