package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.palermo.app.access.AccessPolicy.Access;

/**
 * docs/security/authorisation-matrix.md is generated from {@link AccessRules} and {@link
 * AccessPolicy#decide}; this test fails when the document and the code disagree. Regenerate with
 * {@code -Dpalermo.docs.write=true}.
 */
class AuthorisationMatrixTest {
  static final Path DOC = Path.of("..", "docs", "security", "authorisation-matrix.md");
  static final Set<FieldGroup> DISCLOSED = EnumSet.of(FieldGroup.IDENTITY, FieldGroup.CONTACT);

  @Test
  void the_document_is_the_code() throws IOException {
    String generated = generate();
    if (Boolean.getBoolean("palermo.docs.write")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/security/authorisation-matrix.md is out of date; regenerate it")
        .isEqualTo(generated);
  }

  static String generate() {
    StringBuilder b = new StringBuilder();
    b.append("# Authorisation matrix\n\n");
    b.append(
        "Generated from `AccessRules` and `AccessPolicy.decide` by `AuthorisationMatrixTest`"
            + " (which fails when this file and the code disagree; regenerate with"
            + " `-Dpalermo.docs.write=true`). Groups: ");
    for (FieldGroup g : FieldGroup.values()) {
      b.append('`').append(abbrev(g)).append("` ").append(g).append(g.ordinal() < 6 ? ", " : ".");
    }
    b.append("\n\n## Own agency (relationship OWNER), purpose ASSISTANCE\n\n");
    b.append("| Role | Reads | Writes |\n|---|---|---|\n");
    for (Role role : Role.values()) {
      b.append("| ")
          .append(role)
          .append(" | ")
          .append(cell(decide(role, AgencyType.SERVICE_PROVIDER, Relationship.OWNER, Access.READ)))
          .append(" | ")
          .append(cell(decide(role, AgencyType.SERVICE_PROVIDER, Relationship.OWNER, Access.WRITE)))
          .append(" |\n");
    }
    b.append(
        "\nThe DATA_PROTECTION_OFFICER reads every group of the agency's cases for purpose"
            + " OVERSIGHT only. Purpose STATISTICS keeps only `S`; purpose CRIMINAL_JUSTICE keeps"
            + " only what a disclosure grants.\n");
    for (Relationship rel :
        new Relationship[] {
          Relationship.REFERRAL_RECIPIENT,
          Relationship.DISCLOSURE_RECIPIENT,
          Relationship.BREAK_THE_GLASS
        }) {
      b.append("\n## Other agency, relationship ").append(rel).append(" (reads)\n\n");
      if (rel == Relationship.DISCLOSURE_RECIPIENT) {
        b.append("With a disclosure of ").append(cell(DISCLOSED)).append(". ");
      }
      b.append("Nobody writes through this relationship.\n\n");
      b.append("| Role | SERVICE_PROVIDER | LAW_ENFORCEMENT | IMMIGRATION_ENFORCEMENT |\n");
      b.append("|---|---|---|---|\n");
      for (Role role : Role.values()) {
        b.append("| ").append(role);
        for (AgencyType t :
            new AgencyType[] {
              AgencyType.SERVICE_PROVIDER,
              AgencyType.LAW_ENFORCEMENT,
              AgencyType.IMMIGRATION_ENFORCEMENT
            }) {
          b.append(" | ").append(cell(decide(role, t, rel, Access.READ)));
        }
        b.append(" |\n");
      }
    }
    b.append(
        "\n## No relationship\n\nEvery role of every agency type: nothing, and the answer is"
            + " `404 No such case.` as for a case that does not exist.\n");
    return b.toString();
  }

  static Set<FieldGroup> decide(Role role, AgencyType type, Relationship rel, Access access) {
    PalermoPrincipal p =
        new PalermoPrincipal(
            UUID.randomUUID(), "u", "U", UUID.randomUUID(), "A", type, Set.of(role));
    return AccessPolicy.decide(p, Set.of(rel), DISCLOSED, access, Purpose.ASSISTANCE);
  }

  static String cell(Set<FieldGroup> groups) {
    if (groups.isEmpty()) {
      return "—";
    }
    return groups.stream()
        .sorted()
        .map(AuthorisationMatrixTest::abbrev)
        .collect(Collectors.joining(" "));
  }

  static String abbrev(FieldGroup g) {
    return switch (g) {
      case IDENTITY -> "I";
      case CONTACT -> "C";
      case LOCATION -> "L";
      case HEALTH -> "H";
      case CASE_NARRATIVE -> "N";
      case LEGAL_PROCEEDINGS -> "P";
      case STATISTICS_ONLY -> "S";
    };
  }
}
