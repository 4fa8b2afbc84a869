package org.palermo.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.palermo.app.federation.InstanceIdentity;
import org.palermo.app.federation.Partner;
import org.palermo.app.federation.application.OwnIdentity;
import org.palermo.app.federation.application.Partners;
import org.palermo.app.federation.protocol.FederationRefused;
import org.palermo.app.federation.protocol.MechanismRole;
import org.palermo.app.federation.protocol.PartnerCard;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palermo federation}: this instance's identity and card, and the partner instances it
 * trusts (issue 15 §1; docs/federation.md). A refused card prints its reason code and exits 2.
 */
@Command(
    name = "federation",
    mixinStandardHelpOptions = true,
    description = {
      "This instance's federation identity and the partner instances it trusts.",
      "Cards are exchanged out of band; compare the fingerprint with the partner (by phone, in"
          + " person) before trusting one."
    },
    subcommands = {
      FederationCommand.Identity.class,
      FederationCommand.Trust.class,
      FederationCommand.PartnersList.class,
      FederationCommand.Revoke.class,
      FederationCommand.RotateKeys.class
    })
final class FederationCommand implements Runnable {
  static final String ACTOR = "cli";
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "identity",
      mixinStandardHelpOptions = true,
      description = {
        "Print this instance's partner card (a signed JSON document, compact JWS) on standard"
            + " output, its fingerprint on standard error.",
        "With --country, --organisation, --role and --inbox: establish the identity (new key"
            + " pairs) or change its details (next card version, same keys) first."
      })
  static final class Identity implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 country.")
    String country;

    @Option(names = "--organisation", paramLabel = "NAME", description = "Organisation name.")
    String organisation;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        description = "Role in the mechanism: ${COMPLETION-CANDIDATES}.")
    MechanismRole role;

    @Option(
        names = "--inbox",
        paramLabel = "URL",
        description = "Public inbox URL (https; http only on loopback).")
    URI inbox;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      boolean changing = country != null || organisation != null || role != null || inbox != null;
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        OwnIdentity own = context.getBean(OwnIdentity.class);
        if (changing) {
          InstanceIdentity now = own.identity().orElse(null);
          String c = country != null ? country.strip().toUpperCase(Locale.ROOT) : null;
          try {
            own.establish(
                c != null ? c : now == null ? null : now.country(),
                organisation != null ? organisation : now == null ? null : now.organisation(),
                role != null ? role : now == null ? null : now.role(),
                inbox != null ? inbox : now == null ? null : now.inbox(),
                ACTOR);
          } catch (IllegalArgumentException e) {
            err.println("Not a valid identity: " + e.getMessage() + ".");
            return 2;
          }
        } else if (own.identity().isEmpty()) {
          err.println(
              "This instance has no federation identity yet. Establish it with: palermo"
                  + " federation identity --country CC --organisation NAME --role ROLE --inbox"
                  + " URL");
          return 2;
        }
        PartnerCard card = own.card();
        spec.commandLine().getOut().println(own.signedCard());
        err.printf(
            "Instance %s (%s, %s), card version %d, valid until %s.%nFingerprint: %s%n",
            card.instance(),
            card.organisation(),
            card.country(),
            card.version(),
            card.notAfter(),
            card.fingerprint());
        return 0;
      }
    }
  }

  @Command(
      name = "trust",
      mixinStandardHelpOptions = true,
      description = {
        "Trust the partner whose card is in FILE: the card must verify and be valid; its"
            + " fingerprint is printed and must be confirmed, on the terminal or with"
            + " --fingerprint. A newer card of a known partner replaces the older one (its keys"
            + " stay valid for the grace period)."
      })
  static final class Trust implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(paramLabel = "FILE", description = "The partner's card (compact JWS).")
    Path file;

    @Option(
        names = "--fingerprint",
        paramLabel = "F",
        description =
            "The fingerprint the partner gave you out of band (spaces, colons and case do not"
                + " matter); without it, the command asks.")
    String fingerprint;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String signed;
      try {
        if (Files.size(file) > 64 * 1024) {
          err.println("MALFORMED_CARD: the file is too large to be a partner card.");
          return 2;
        }
        signed = Files.readString(file, StandardCharsets.US_ASCII).strip();
      } catch (IOException e) {
        err.println("Cannot read " + file + ".");
        return 2;
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        Partners partners = context.getBean(Partners.class);
        try {
          PartnerCard card = partners.read(signed);
          out.printf(
              "Partner %s: %s (%s), %s, inbox %s, card version %d, valid until %s.%n"
                  + "Fingerprint: %s%n",
              card.instance(),
              card.organisation(),
              card.country(),
              card.role(),
              card.inbox(),
              card.version(),
              card.notAfter(),
              card.fingerprint());
          String confirmed = fingerprint;
          if (confirmed == null) {
            confirmed = ask(out, err, card);
            if (confirmed == null) {
              return 2;
            }
          }
          partners.trust(signed, confirmed, ACTOR);
          out.println("Trusted.");
          return 0;
        } catch (FederationRefused e) {
          err.println(e.getMessage());
          return 2;
        }
      }
    }

    private String ask(PrintWriter out, PrintWriter err, PartnerCard card) throws IOException {
      if (System.console() == null) {
        err.println("No terminal to confirm the fingerprint on: give it with --fingerprint.");
        return null;
      }
      out.print("Does this fingerprint match the one the partner gave you? [yes/no] ");
      out.flush();
      String answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
        err.println("Not trusted.");
        return null;
      }
      return card.fingerprint();
    }
  }

  @Command(
      name = "partners",
      mixinStandardHelpOptions = true,
      description = "List the trusted partner instances, revoked ones included.")
  static final class PartnersList implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "%-36s %-2s %-32s %-20s %-3s %-20s %-8s %s%n",
            "INSTANCE", "CC", "ORGANISATION", "ROLE", "V", "VALID UNTIL", "STATE", "FINGERPRINT");
        for (Partner p : context.getBean(Partners.class).list()) {
          out.printf(
              "%-36s %-2s %-32s %-20s %-3d %-20s %-8s %s%n",
              p.instance(),
              p.country(),
              p.organisation(),
              p.role(),
              p.cardVersion(),
              p.notAfter().toString().substring(0, 19),
              p.revoked() ? "revoked" : "trusted",
              p.fingerprint());
        }
        return 0;
      }
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a partner: its messages are refused from now on.")
  static final class Revoke implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(paramLabel = "INSTANCE", description = "The partner's instance id.")
    UUID instance;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        if (!context.getBean(Partners.class).revoke(instance, ACTOR)) {
          spec.commandLine().getErr().println("No such trusted partner (or already revoked).");
          return 2;
        }
        spec.commandLine().getOut().println("Revoked " + instance + ".");
        return 0;
      }
    }
  }

  @Command(
      name = "rotate-keys",
      mixinStandardHelpOptions = true,
      description = {
        "New signing and encryption key pairs and the next card version; the previous keys stay"
            + " valid for the grace period (palermo.federation.key-grace). Send the new card"
            + " (palermo federation identity) to every partner."
      })
  static final class RotateKeys implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        OwnIdentity own = context.getBean(OwnIdentity.class);
        if (own.identity().isEmpty()) {
          spec.commandLine().getErr().println("This instance has no federation identity yet.");
          return 2;
        }
        own.rotateKeys(ACTOR);
        spec.commandLine()
            .getOut()
            .println(
                "New keys, card version "
                    + own.card().version()
                    + ". Fingerprint: "
                    + own.card().fingerprint());
        return 0;
      }
    }
  }
}
