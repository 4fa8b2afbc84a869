package org.palermo.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.Disclosures;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for the firewall: one case of the Harbour City shelter whose person consented to
 * disclose identity and contact to the police, so that "investigator" sees that one person and
 * "immigration.officer" sees nobody.
 */
@Component
class DemoSecurity {
  static final String SHELTER = "Demo Harbour City Recovery Shelter";
  static final String POLICE = "Demo Corvania Police Anti-Trafficking Unit";

  private final Accounts accounts;
  private final Disclosures disclosures;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoSecurity(Accounts accounts, Disclosures disclosures, JdbcClient jdbc, Clock clock) {
    this.accounts = accounts;
    this.disclosures = disclosures;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the demo disclosure; does nothing if the shelter has no case. */
  void seed() {
    Agency shelter = accounts.agencyByName(SHELTER).orElseThrow();
    Agency police = accounts.agencyByName(POLICE).orElseThrow();
    Optional<UUID> caseId =
        jdbc.sql("SELECT id FROM case_file WHERE owner_agency_id = ? ORDER BY reference LIMIT 1")
            .param(shelter.id())
            .query(UUID.class)
            .optional();
    if (caseId.isEmpty()) {
      return;
    }
    Accounts.UserSummary cw = accounts.user("caseworker").orElseThrow();
    PalermoPrincipal who =
        new PalermoPrincipal(
            cw.id(),
            cw.username(),
            cw.displayName(),
            shelter.id(),
            shelter.name(),
            shelter.type(),
            cw.roles());
    disclosures.create(
        who,
        caseId.get(),
        new Disclosures.NewDisclosure(
            police.id(),
            EnumSet.of(FieldGroup.IDENTITY, FieldGroup.CONTACT),
            Purpose.CRIMINAL_JUSTICE,
            "Witness statement for the prosecution (synthetic demo)",
            "DEMO-CONSENT-0001",
            clock.instant().plus(Duration.ofDays(90))));
  }
}
