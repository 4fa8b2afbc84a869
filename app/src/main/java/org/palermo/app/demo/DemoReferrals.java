package org.palermo.app.demo;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.referral.Referrals;
import org.palermo.law.ProtectionNeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo referrals: a few adult cases of service providers referred, with consent, to a shelter,
 * medical or psychosocial service of another agency on the route; some accepted, some declined for
 * lack of capacity, the rest pending. Adults are those with a known (sealed) date of birth whose
 * {@code minor} flag is off: there is no plaintext date of birth to compare (SECURITY.md rule 6).
 * Through the referral module's own use cases, so the timeline, audit and statistics events are the
 * real ones.
 */
@Component
class DemoReferrals {
  private static final int MAX = 12;
  private final Referrals referrals;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoReferrals(Referrals referrals, JdbcClient jdbc, Clock clock) {
    this.referrals = referrals;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Seeds up to twelve referrals; returns how many were made. */
  int seed(Map<String, Agency> agencies, SplittableRandom random) {
    List<Case> cases =
        jdbc.sql(
                """
                SELECT c.id, c.owner_agency_id FROM case_file c JOIN person p ON p.id = c.person_id
                JOIN agency a ON a.id = c.owner_agency_id
                WHERE a.type = 'SERVICE_PROVIDER' AND c.status <> 'CLOSED' AND NOT p.age_disputed
                  AND p.birth_date_sealed IS NOT NULL AND NOT p.minor
                ORDER BY c.reference LIMIT ?""")
            .param(MAX)
            .query((rs, n) -> new Case(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
            .list();
    List<Service> services =
        jdbc.sql(
                """
                SELECT s.id, o.agency_id, s.service_type FROM directory_service s
                JOIN directory_organization o ON o.id = s.organization_id
                WHERE s.status = 'active' AND o.agency_id IS NOT NULL
                  AND s.service_type IN ('SHELTER', 'MEDICAL', 'PSYCHOSOCIAL')
                ORDER BY s.name""")
            .query(
                (rs, n) ->
                    new Service(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
            .list();
    int made = 0;
    for (int i = 0; i < cases.size() && !services.isEmpty(); i++) {
      Case c = cases.get(i);
      List<Service> elsewhere =
          services.stream().filter(s -> !s.agencyId().equals(c.ownerId())).toList();
      if (elsewhere.isEmpty()) {
        continue;
      }
      Service s = elsewhere.get(random.nextInt(elsewhere.size()));
      UUID id =
          referrals.refer(
              actor(agencies, c.ownerId()),
              new Referrals.ConsentedReferral(
                  c.id(),
                  s.id(),
                  need(s.type()),
                  clock.instant().minusSeconds(3600),
                  random.nextBoolean(),
                  EnumSet.of(FieldGroup.IDENTITY, FieldGroup.CONTACT),
                  "Synthetic demo referral."));
      made++;
      switch (i % 3) {
        case 0 -> referrals.accept(actor(agencies, s.agencyId()), id);
        case 1 -> referrals.declineForCapacity(actor(agencies, s.agencyId()), id);
        default -> {}
      }
    }
    return made;
  }

  private static ProtectionNeed need(String type) {
    return switch (type) {
      case "SHELTER" -> ProtectionNeed.SAFE_ACCOMMODATION;
      case "MEDICAL" -> ProtectionNeed.MEDICAL;
      default -> ProtectionNeed.PSYCHOSOCIAL;
    };
  }

  /** The demo seed acting as a caseworker of the agency. */
  private static PalermoPrincipal actor(Map<String, Agency> agencies, UUID agencyId) {
    Agency a =
        agencies.values().stream().filter(x -> x.id().equals(agencyId)).findFirst().orElseThrow();
    return new PalermoPrincipal(
        null,
        DemoSeeder.ACTOR,
        "Demo seed",
        a.id(),
        a.name(),
        a.type() == null ? AgencyType.SERVICE_PROVIDER : a.type(),
        Set.of(Role.CASEWORKER));
  }

  private record Case(UUID id, UUID ownerId) {}

  private record Service(UUID id, UUID agencyId, String type) {}
}
