package org.palermo.app.demo;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo content of a few cases (the {@code cases.care} tables of V12): an individual assessment, a
 * support-plan objective and a service delivered, on up to three opened cases of each owning
 * agency, with their timeline entries. Written straight to the tables (the care services are
 * internal to the {@code cases} module and ask for a signed-in user); the same seed gives the same
 * content. No {@code ServiceDelivered} event is published for these synthetic services.
 */
final class DemoCare {
  static final int CASES = 40;
  static final int PER_AGENCY = 3;

  private DemoCare() {}

  /** A demo case as found in {@code case_file}. */
  private record DemoCase(UUID id, UUID owner, String ownerName, LocalDate opened) {}

  /** Records the demo content; returns how many cases received some. */
  static int record(JdbcClient jdbc, LocalDate epoch) {
    List<DemoCase> cases =
        jdbc.sql(
                "SELECT id, owner_agency_id, name, opened_at FROM ("
                    + " SELECT c.id, c.owner_agency_id, a.name, c.opened_at, c.reference,"
                    + " row_number() OVER (PARTITION BY c.owner_agency_id ORDER BY c.reference)"
                    + " AS n FROM case_file c JOIN agency a ON a.id = c.owner_agency_id"
                    + " WHERE c.status <> 'IDENTIFIED') x"
                    + " WHERE n <= ? ORDER BY reference LIMIT ?")
            .params(PER_AGENCY, CASES)
            .query(
                (rs, n) ->
                    new DemoCase(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant().atZone(ZoneOffset.UTC).toLocalDate()))
            .list();
    List<UUID> providers =
        jdbc.sql(
                "SELECT id FROM agency WHERE type IN ('SERVICE_PROVIDER', 'CHILD_PROTECTION')"
                    + " ORDER BY name")
            .query(UUID.class)
            .list();
    String[] services = {"SHELTER", "MEDICAL", "PSYCHOSOCIAL", "LEGAL_AID", "INTERPRETATION"};
    String[] types = {"Health", "Legal", "Livelihood", "SocialCare", "Education"};
    int i = 0;
    for (DemoCase c : cases) {
      LocalDate assessed = min(c.opened().plusDays(3), epoch);
      UUID assessment = UUID.nameUUIDFromBytes(("demo-assessment-" + c.id()).getBytes());
      jdbc.sql(
              "INSERT INTO care_assessment (id, case_id, level, assessed_on, summary, recorded_by,"
                  + " recorded_agency, recorded_at) VALUES (?, ?, 'INDIVIDUAL', ?, ?, ?, ?, ?)")
          .params(
              assessment,
              c.id(),
              assessed,
              "Synthetic demo assessment.",
              DemoSeeder.ACTOR,
              c.ownerName(),
              at(assessed))
          .update();
      factor(jdbc, assessment, "LEGAL_STATUS_AND_DOCUMENTS", "RISK", "Documents withheld.");
      factor(jdbc, assessment, "INCOME_AND_DEBT", "RISK", "Recruitment debt.");
      factor(jdbc, assessment, "EDUCATION_AND_SKILLS", "PROTECTIVE", "");
      for (String f :
          List.of(
              "AGE_SEX_AND_GENDER",
              "NATIONALITY_AND_ETHNICITY",
              "PHYSICAL_HEALTH",
              "MENTAL_HEALTH",
              "HISTORY_OF_ABUSE")) {
        factor(jdbc, assessment, f, "NOT_ASSESSED", "");
      }
      timeline(jdbc, c, assessed, "care.assessment.recorded", "level=INDIVIDUAL risks=2");

      LocalDate planned = min(assessed.plusDays(1), epoch);
      UUID objective = UUID.nameUUIDFromBytes(("demo-objective-" + c.id()).getBytes());
      String type = types[i % types.length];
      jdbc.sql(
              "INSERT INTO care_plan_objective (id, case_id, type, objective, action_plan,"
                  + " planned_end, status, recorded_by, recorded_agency, recorded_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)")
          .params(
              objective,
              c.id(),
              type,
              "Synthetic demo objective (" + type + ").",
              "Agreed steps with the person.",
              planned.plusDays(90),
              DemoSeeder.ACTOR,
              c.ownerName(),
              at(planned))
          .update();
      timeline(jdbc, c, planned, "care.plan.objectiveAdded", "objective:" + objective);

      if (!providers.isEmpty()) {
        LocalDate delivered = min(planned.plusDays(2), epoch);
        UUID service = UUID.nameUUIDFromBytes(("demo-service-" + c.id()).getBytes());
        jdbc.sql(
                "INSERT INTO care_service (id, case_id, service_type, delivered_on,"
                    + " provider_agency_id, objective_id, note, recorded_by, recorded_agency,"
                    + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)")
            .params(
                service,
                c.id(),
                services[i % services.length],
                delivered,
                providers.get(i % providers.size()),
                objective,
                DemoSeeder.ACTOR,
                c.ownerName(),
                at(delivered))
            .update();
        timeline(
            jdbc,
            c,
            delivered,
            "care.service.delivered",
            "service:" + service + " type=" + services[i % services.length]);
      }
      i++;
    }
    return cases.size();
  }

  private static void factor(JdbcClient jdbc, UUID assessment, String f, String r, String note) {
    jdbc.sql(
            "INSERT INTO care_assessment_factor (assessment_id, factor, rating, note)"
                + " VALUES (?, ?, ?, ?)")
        .params(assessment, f, r, note)
        .update();
  }

  private static void timeline(
      JdbcClient jdbc, DemoCase c, LocalDate on, String kind, String detail) {
    jdbc.sql(
            "INSERT INTO case_timeline (case_id, at, actor, agency, kind, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(c.id(), at(on), DemoSeeder.ACTOR, c.ownerName(), kind, detail)
        .update();
  }

  private static Timestamp at(LocalDate day) {
    return Timestamp.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
