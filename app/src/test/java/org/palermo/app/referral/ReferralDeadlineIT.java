package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.protection.ChildSafeguards;
import org.palermo.app.directory.Providers;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.app.referral.Referral.ConsentGiver;
import org.palermo.app.referral.Referral.InformedHow;
import org.palermo.app.referral.ReferralFixtures.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answer deadline against an injected clock: two working days by default, so a referral made on
 * a Friday morning is due on Tuesday morning and only then shows on the overdue list.
 */
@PalermoIntegrationTest
class ReferralDeadlineIT {
  /** Friday 6 March 2026, 09:30 UTC. */
  static final LocalDateTime SENT = LocalDateTime.of(2026, 3, 6, 9, 30);

  @Autowired TestAccounts accounts;
  @Autowired ReferralFixtures fixtures;
  @Autowired ReferralStore store;
  @Autowired CaseLookup cases;
  @Autowired ChildSafeguards children;
  @Autowired Providers providers;
  @Autowired AccessPolicy policy;
  @Autowired ReferralEvents events;
  @Autowired ReferralProperties properties;
  @Autowired Accounts agencies;
  @Autowired JdbcClient jdbc;

  static Clock at(LocalDateTime t) {
    return Clock.fixed(t.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  List<UUID> overdueOn(Actor who, LocalDateTime t) {
    return new ReferralQueries(
            store, policy, cases, providers, agencies, events, properties, jdbc, at(t))
        .overdue(who.principal()).stream().map(ReferralQueries.Item::id).toList();
  }

  @Test
  void a_pending_referral_is_overdue_after_two_working_days_not_over_the_weekend() {
    Actor sender = fixtures.actor(accounts.agency(AgencyType.SERVICE_PROVIDER), Role.CASEWORKER);
    Agency shelterAgency = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Actor recipient = fixtures.actor(shelterAgency, Role.CASEWORKER);
    UUID shelter =
        fixtures.service(
            shelterAgency, "Deadline shelter", ServiceType.SHELTER, List.of("en"), 1, 1);
    UUID caseId = fixtures.adultCase(sender.agency(), "en");
    Referral r =
        new ReferToProvider(store, cases, children, providers, policy, events, properties, at(SENT))
            .refer(
                sender.principal(),
                new ReferToProvider.Command(
                    caseId,
                    shelter,
                    null,
                    null,
                    null,
                    false,
                    "",
                    new Consent(
                        ConsentGiver.THE_PERSON,
                        SENT.minusHours(1).toInstant(ZoneOffset.UTC),
                        InformedHow.ORALLY,
                        false),
                    EnumSet.of(FieldGroup.IDENTITY),
                    null,
                    null));
    assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-03-10T09:30:00Z"));
    assertThat(overdueOn(recipient, SENT.plusDays(3))).doesNotContain(r.id()); // Monday
    assertThat(overdueOn(recipient, LocalDateTime.of(2026, 3, 10, 9, 0))).doesNotContain(r.id());
    assertThat(overdueOn(recipient, LocalDateTime.of(2026, 3, 10, 10, 0))).contains(r.id());
    assertThat(overdueOn(sender, LocalDateTime.of(2026, 3, 10, 10, 0))).contains(r.id());
    // An answer takes it off the list.
    new ReferralSteps(
            store, policy, null, events, properties, null, at(LocalDateTime.of(2026, 3, 11, 8, 0)))
        .accept(recipient.principal(), r.id());
    assertThat(overdueOn(recipient, LocalDateTime.of(2026, 3, 11, 10, 0))).doesNotContain(r.id());
  }
}
