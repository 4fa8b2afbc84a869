package org.palermo.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** User accounts and API tokens. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "User accounts and their API tokens.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Token.class,
      UsersCommand.OidcLink.class
    })
final class UsersCommand implements Runnable {
  static final String ACTOR = "cli";
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Create a user account. The password is asked for twice on the terminal, or read as one"
            + " line from standard input with --password-stdin.",
        "The first administrator: palermo users add --admin --username NAME --agency \"NAME\""
            + " --agency-type COORDINATION"
      })
  static final class Add implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--username",
        required = true,
        paramLabel = "NAME",
        description = "2-64 characters: a-z, 0-9, '.', '_', '-'.")
    String username;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "Name shown in the UI.")
    String displayName;

    @Option(
        names = "--agency",
        required = true,
        paramLabel = "NAME",
        description =
            "The user's agency. Created if it does not exist and --agency-type is" + " given.")
    String agency;

    @Option(
        names = "--agency-type",
        paramLabel = "TYPE",
        description = "Type of a new agency: ${COMPLETION-CANDIDATES}.")
    AgencyType agencyType;

    @Option(
        names = "--agency-sits-in",
        paramLabel = "TYPE",
        description =
            "The enforcement body a new agency is a unit of (LAW_ENFORCEMENT or"
                + " IMMIGRATION_ENFORCEMENT): a competent authority in the police is held behind"
                + " the firewall like the police.")
    AgencyType sitsIn;

    @Option(
        names = "--country",
        paramLabel = "CC",
        description = "ISO 3166-1 alpha-2 country of a new agency.")
    String country;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        split = ",",
        description = "Roles (repeat or comma-separate): ${COMPLETION-CANDIDATES}.")
    List<Role> roles = List.of();

    @Option(names = "--admin", description = "Give the ADMIN role.")
    boolean admin;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      Set<Role> all = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
      if (admin) {
        all.add(Role.ADMIN);
      }
      if (all.isEmpty()) {
        err.println("Give at least one --role, or --admin.");
        return 2;
      }
      char[] password = readPassword(err);
      if (password == null) {
        return 2;
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        Accounts accounts = context.getBean(Accounts.class);
        Agency target = accounts.agencyByName(agency.strip()).orElse(null);
        if (target == null) {
          if (agencyType == null) {
            err.println("No agency named '" + agency + "'. Add --agency-type to create it.");
            return 2;
          }
          target = accounts.addAgency(agency, agencyType, sitsIn, country, ACTOR);
        }
        UUID id =
            accounts.addUser(
                new Accounts.NewUser(username, displayName, target.id(), all, password), ACTOR);
        spec.commandLine()
            .getOut()
            .printf(
                "Created user %s [%s] (%s) in %s.%n",
                Accounts.normalise(username),
                id,
                all.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")),
                target.name());
        return 0;
      } finally {
        Arrays.fill(password, '\0');
      }
    }

    private char[] readPassword(PrintWriter err) throws IOException {
      if (passwordStdin) {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
          err.println("No password on standard input.");
          return null;
        }
        return line.toCharArray();
      }
      Console console = System.console();
      if (console == null) {
        err.println("No terminal to ask for the password: use --password-stdin.");
        return null;
      }
      char[] first = console.readPassword("Password for %s: ", username);
      char[] second = console.readPassword("Repeat the password: ");
      if (first == null || !Arrays.equals(first, second)) {
        err.println("The two passwords differ.");
        return null;
      }
      return first;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List user accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "%-24s %-32s %-24s %-34s %s%n", "USERNAME", "AGENCY", "AGENCY TYPE", "ROLES", "STATE");
        for (Accounts.UserSummary u : context.getBean(Accounts.class).users()) {
          String state =
              (u.enabled() ? "enabled" : "disabled")
                  + (u.locked() ? ",locked" : "")
                  + (u.secondFactor() ? ",totp" : "");
          out.printf(
              "%-24s %-32s %-24s %-34s %s%n",
              u.username(),
              u.agency(),
              u.agencyType(),
              u.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
              state);
        }
        return 0;
      }
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = {
        "Issue a personal API token (printed once, stored only as a hash), or revoke one.",
        "Use it as: Authorization: Bearer <token>"
      })
  static final class Token implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--username", required = true, paramLabel = "NAME")
    String username;

    @Option(
        names = "--name",
        paramLabel = "TEXT",
        defaultValue = "cli",
        description = "What the token is for (default ${DEFAULT-VALUE}).")
    String name;

    @Option(
        names = "--days",
        paramLabel = "N",
        defaultValue = "90",
        description = "Days the token stays valid (1-365, default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--revoke", paramLabel = "TOKEN-ID", description = "Revoke this token.")
    UUID revoke;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (days < 1 || days > 365) {
        spec.commandLine().getErr().println("--days must be between 1 and 365.");
        return 2;
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        Accounts accounts = context.getBean(Accounts.class);
        PrintWriter out = spec.commandLine().getOut();
        if (revoke != null) {
          UUID userId = accounts.user(username).map(Accounts.UserSummary::id).orElse(null);
          if (userId == null || !accounts.revokeToken(userId, revoke, ACTOR)) {
            spec.commandLine().getErr().println("No such active token for that user.");
            return 2;
          }
          out.println("Revoked token " + revoke + ".");
          return 0;
        }
        Accounts.IssuedToken t = accounts.issueToken(username, name, Duration.ofDays(days), ACTOR);
        out.println(t.secret());
        spec.commandLine()
            .getErr()
            .printf(
                "Token %s (%s) expires %s. It is shown only this once.%n",
                t.id(), t.name(), t.expiresAt());
        return 0;
      }
    }
  }

  @Command(
      name = "oidc-link",
      mixinStandardHelpOptions = true,
      description = {
        "Link an account to its OIDC identity: the provider's issuer and the subject (sub) of the",
        "person's ID tokens. OIDC sign-in matches on these only (docs/operations.md, OIDC)."
      })
  static final class OidcLink implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--username", required = true, paramLabel = "NAME")
    String username;

    @Option(names = "--issuer", required = true, paramLabel = "URL")
    String issuer;

    @Option(names = "--subject", required = true, paramLabel = "SUB")
    String subject;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        context.getBean(Accounts.class).linkOidc(username, issuer, subject, ACTOR);
        spec.commandLine().getOut().println("Linked " + username + " to " + issuer + " " + subject);
        return 0;
      }
    }
  }
}
