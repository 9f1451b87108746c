package io.huixun.app.cli;

import io.huixun.app.Installation;
import io.huixun.app.account.Accounts;
import io.huixun.app.account.PasswordHasher;
import io.huixun.store.reader.Account;
import io.huixun.store.reader.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code huixun users add|list|passwd|remove}: accounts in the store. A password is read from the terminal (asked
 * twice, not echoed) or, when input is not a terminal, from the first line of standard input
 * ({@code printf '%s\n' "$PW" | huixun users add li}); never from an option, which would leave it in the shell's
 * history and the process list. Opens only the store, so it works while {@code huixun serve} runs.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the accounts that can log in.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Passwd.class,
                UsersCommand.Remove.class, UsersCommand.Token.class})
final class UsersCommand implements Runnable {
    /** Account problems in the CLI's language (English, like the other commands). */
    private static final Map<String, String> PROBLEMS = Map.of(
            "account.badNameLength", "an account name has 1 to 64 characters",
            "account.badNameChars", "an account name has no spaces, colons, slashes, quotes or angle brackets",
            "account.nameTaken", "there is already an account named '%s'",
            "account.unknown", "there is no account named '%s'",
            "password.tooShort", "a password needs at least 8 characters",
            "password.tooLong", "a password has at most 500 characters");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say add, list, passwd or remove");
    }

    static String problem(Accounts.Result.Refused r) {
        return String.format(PROBLEMS.getOrDefault(r.key(), r.key()), r.arg());
    }

    /** The new password from the terminal (twice) or the first line of standard input. */
    static String readNewPassword(String name) {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] first = console.readPassword("New password for %s: ", name);
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null) {
                throw new UserInputException("no password given");
            }
            try {
                if (!Arrays.equals(first, second)) {
                    throw new UserInputException("the two passwords differ; nothing changed");
                }
                return new String(first);
            } finally {
                Arrays.fill(first, ' ');
                Arrays.fill(second, ' ');
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UserInputException("no password on standard input (give it as the first line)");
            }
            return line;
        } catch (IOException e) {
            throw new UserInputException("cannot read the password from standard input: " + e.getMessage(), e);
        }
    }

    /** Console.isTerminal() (Java 22+) when there is one; on 21 a non-null console is a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static Accounts accounts(Installation installation) {
        return new Accounts(installation.store().readers(), new PasswordHasher());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account; the password is asked for (or read from standard input).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "NAME", description = "The account name (1-64 characters, no spaces).")
        String name;

        @Option(names = "--admin", description = "An administrator (manages sources and accounts); default a reader.")
        boolean admin;

        @Override
        public Integer call() {
            Accounts.nameProblem(name).ifPresent(p -> {
                throw new CommandLine.ParameterException(spec.commandLine(), "NAME: "
                        + problem(new Accounts.Result.Refused(p, name)) + ", got '" + name + "'");
            });
            try (Installation installation = data.open(Installation.Mode.STORE)) {
                Accounts accounts = accounts(installation);
                if (installation.store().readers().account(name).isPresent()) {
                    throw new UserInputException(problem(new Accounts.Result.Refused("account.nameTaken", name)));
                }
                String password = readNewPassword(name);
                return switch (accounts.add(name, admin ? Role.ADMIN : Role.READER, password)) {
                    case Accounts.Result.Done done -> {
                        System.out.println("added " + (admin ? "administrator" : "reader") + " " + done.account().name());
                        yield HuixunCommand.OK;
                    }
                    case Accounts.Result.Refused refused -> throw new UserInputException(problem(refused));
                };
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            try (Installation installation = data.openExisting(Installation.Mode.STORE)) {
                for (Account a : installation.store().readers().accounts()) {
                    System.out.printf("%s  %s  since %s%n", a.name(), a.admin() ? "admin" : "reader",
                            a.created().toString().substring(0, 10));
                }
                return HuixunCommand.OK;
            }
        }
    }

    /**
     * A subcommand about one existing account: opens the store and finds the account named by the first argument
     * ({@code huixun users passwd nobody} → "there is no account named 'nobody'", exit 1) before {@link #run}.
     */
    abstract static class OnAccount implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(index = "0", paramLabel = "NAME", description = "The account's name, as huixun users list shows it.")
        String name;

        @Override
        public final Integer call() {
            try (Installation installation = data.openExisting(Installation.Mode.STORE)) {
                Account account = installation.store().readers().account(name).orElseThrow(() -> unknown(name));
                return run(installation, account);
            }
        }

        abstract int run(Installation installation, Account account);

        static UserInputException unknown(String name) {
            return new UserInputException(problem(new Accounts.Result.Refused("account.unknown", name)));
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set an account's password (ends its sessions); asked for or read from standard input.")
    static final class Passwd extends OnAccount {
        @Override
        int run(Installation installation, Account account) {
            return switch (accounts(installation).setPassword(name, readNewPassword(name))) {
                case Accounts.Result.Done done -> {
                    System.out.println("changed the password of " + name + " (its sessions ended)");
                    yield HuixunCommand.OK;
                }
                case Accounts.Result.Refused refused -> throw new UserInputException(problem(refused));
            };
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove an account with its sessions, reading state and follows.")
    static final class Remove extends OnAccount {
        @Override
        int run(Installation installation, Account account) {
            if (!accounts(installation).remove(name)) {
                throw unknown(name); // removed meanwhile by another command
            }
            System.out.println("removed " + name);
            return HuixunCommand.OK;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Make a new API token for an account's scripts (replaces its earlier one); printed once.")
    static final class Token extends OnAccount {
        @Override
        int run(Installation installation, Account account) {
            String token = io.huixun.app.web.AdminAuth.issueToken(installation.store().readers(), account,
                    java.time.Clock.systemUTC());
            System.out.println(token);
            System.err.println("API token for " + name + " (shown once; any earlier token no longer works). "
                    + "Send it as: Authorization: Bearer TOKEN");
            return HuixunCommand.OK;
        }
    }
}
