package io.huixun.app.web;

import io.huixun.app.account.Accounts;
import io.huixun.store.reader.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The administrator's accounts page, the web twin of {@code huixun users}: list accounts, add a reader or an
 * administrator, set a new password (which ends the account's sessions), remove an account. Only administrators see
 * or change it; an administrator cannot remove their own account (so the installation always keeps one). Every
 * refusal is a sentence in the reader's language ("已有名为 “li” 的账户。"). Stateless: thread-safe.
 */
public final class AccountsPage implements RouteGroup {
    private final AdminAuth auth;

    public AccountsPage(AdminAuth auth) {
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig r, WebServer server) {
        r.get("/accounts", ctx -> show(ctx, server, "", 200));
        r.post("/accounts", ctx -> add(ctx, server));
        r.post("/accounts/{name}/password", ctx -> password(ctx, server));
        r.post("/accounts/{name}/remove", ctx -> remove(ctx, server));
    }

    /** The administrator's session, or empty after answering 403 (not an administrator, or a bad CSRF token). */
    private Optional<AdminAuth.Session> admin(Context ctx, WebServer server, boolean change) {
        Optional<AdminAuth.Session> s = auth.session(ctx.cookie(AdminAuth.COOKIE));
        if (s.isEmpty() || !s.get().admin()) {
            server.error(ctx, 403, null);
            return Optional.empty();
        }
        if (change && !AdminAuth.csrfMatches(s.get(), ctx.formParam("csrf"))) {
            server.error(ctx, 403, "error.csrf");
            return Optional.empty();
        }
        return s;
    }

    private void show(Context ctx, WebServer server, String message, int status) {
        Optional<AdminAuth.Session> s = admin(ctx, server, false);
        if (s.isEmpty()) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("accounts", auth.accounts().store().accounts());
        params.put("self", s.get().userId());
        params.put("message", message);
        ctx.status(status);
        server.render(ctx, "accounts.jte", params);
    }

    private void add(Context ctx, WebServer server) {
        if (admin(ctx, server, true).isEmpty()) {
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        Role role = "ADMIN".equals(ctx.formParam("role")) ? Role.ADMIN : Role.READER;
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        report(ctx, server, auth.accounts().add(name, role, password), "account.added", name);
    }

    private void password(Context ctx, WebServer server) {
        if (admin(ctx, server, true).isEmpty()) {
            return;
        }
        String name = ctx.pathParam("name");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        report(ctx, server, auth.accounts().setPassword(name, password), "account.passwordSet", name);
    }

    private void remove(Context ctx, WebServer server) {
        Optional<AdminAuth.Session> s = admin(ctx, server, true);
        if (s.isEmpty()) {
            return;
        }
        String name = ctx.pathParam("name");
        PageContext page = server.pageContext(ctx);
        boolean self = auth.accounts().store().account(name).map(a -> a.id() == s.get().userId()).orElse(false);
        if (self) {
            show(ctx, server, Messages.t(page, "account.notSelf"), 400);
        } else if (auth.accounts().remove(name)) {
            show(ctx, server, Messages.t(page, "account.removed", name), 200);
        } else {
            show(ctx, server, Messages.t(page, "account.unknown", name), 404);
        }
    }

    private void report(Context ctx, WebServer server, Accounts.Result result, String doneKey, String name) {
        PageContext page = server.pageContext(ctx);
        switch (result) {
            case Accounts.Result.Done done -> show(ctx, server, Messages.t(page, doneKey, done.account().name()), 200);
            case Accounts.Result.Refused refused -> show(ctx, server, Messages.t(page, refused.key(),
                    refused.arg() == null ? name : refused.arg()), 400);
        }
    }
}
