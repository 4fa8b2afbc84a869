package org.palermo.app.cases.protection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.TraffickingStatuses;
import org.palermo.app.cases.protection.PersonProtection.Action;
import org.palermo.app.cases.protection.PersonProtection.Ground;
import org.palermo.app.cases.protection.PersonProtection.Permit;
import org.palermo.app.cases.protection.PersonProtection.Procedure;
import org.palermo.app.cases.protection.PersonProtection.Stage;
import org.palermo.app.cases.protection.PersonProtection.Status;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one gate every removal, return and assisted voluntary return passes: it computes the person's
 * {@link PersonProtection} status over every case of the person (so a second screening or a second
 * case of the same person sees the first one's identification stage) and refuses, with {@code
 * CONFLICT}, a {@code reason} and its {@code article}, when the status protects the person.
 *
 * <p>Callers: {@link Returns#recordReturn} (the return page and API) and the identification
 * module's removal (page and API). A new path that removes or returns a person calls {@link
 * #require} and nothing else.
 */
@Service
public class ReturnGate {
  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final ProtectionAccess access;
  private final ProtectionProperties properties;
  private final Clock clock;
  private final AccessPolicy policy;
  private final TraffickingStatuses trafficking;

  ReturnGate(
      JdbcClient jdbc,
      CaseLookup cases,
      ProtectionAccess access,
      ProtectionProperties properties,
      Clock clock,
      AccessPolicy policy,
      TraffickingStatuses trafficking) {
    this.policy = policy;
    this.trafficking = trafficking;
    this.jdbc = jdbc;
    this.cases = cases;
    this.access = access;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The status as pages and the API show it.
   *
   * @param protects whether anything protects the person
   * @param removalAllowed whether a removal (or any return other than an assisted voluntary one)
   *     could be recorded today
   * @param voluntaryReturnAllowed whether an assisted voluntary return could be, as far as the
   *     status goes (the return conditions still apply)
   * @param grounds each protection, with its article and last day (null: open-ended)
   * @param riskAssessedOn the day of the last return risk assessment, or null
   */
  public record View(
      UUID caseId,
      LocalDate today,
      boolean protects,
      boolean removalAllowed,
      boolean voluntaryReturnAllowed,
      List<Ground> grounds,
      LocalDate riskAssessedOn) {
    static View of(UUID caseId, Status s) {
      return new View(
          caseId,
          s.today(),
          s.protects(),
          s.barring(Action.REMOVAL).isEmpty(),
          s.barring(Action.ASSISTED_VOLUNTARY_RETURN).isEmpty(),
          s.grounds(),
          s.riskAssessedOn());
    }
  }

  /** The status of the person of a case: audited read of the legal-proceedings group. */
  public View view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.LEGAL_PROCEEDINGS, "protection.status.read");
    return View.of(caseId, status(caseId, null));
  }

  /**
   * The status of a person, through the first of their cases whose legal proceedings {@code who}
   * may read; otherwise the access policy's answer for their first case (or for no case at all), so
   * that the route answers exactly as the case route does and reveals nothing more.
   */
  public View viewPerson(PalermoPrincipal who, UUID personId) {
    List<UUID> caseIds =
        jdbc.sql("SELECT id FROM case_file WHERE person_id = ? ORDER BY opened_at, id")
            .param(personId)
            .query(UUID.class)
            .list();
    UUID caseId =
        caseIds.stream()
            .filter(id -> policy.allows(who, id, FieldGroup.LEGAL_PROCEEDINGS, Access.READ))
            .findFirst()
            .orElse(caseIds.isEmpty() ? personId : caseIds.get(0));
    return view(who, caseId);
  }

  /**
   * Refuses {@code action} for the person of {@code caseId} when their status protects them: {@code
   * CONFLICT} with {@code reason} (the first ground), {@code article} and {@code reasons}, audited
   * as a failure under {@code auditAction}.
   *
   * @param destinationCountry the destination when known: the risk assessment must be for it
   */
  public void require(
      PalermoPrincipal who,
      UUID caseId,
      Action action,
      String destinationCountry,
      String auditAction) {
    List<Ground> barring = status(caseId, destinationCountry).barring(action);
    if (barring.isEmpty()) {
      return;
    }
    Ground first = barring.get(0);
    List<String> reasons = barring.stream().map(g -> g.reason().name()).toList();
    access.record(who, caseId, auditAction, Outcome.FAILURE, "protected=" + reasons);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("article", first.article());
    props.put("reasons", reasons);
    throw new PalermoException(
        ErrorCode.CONFLICT,
        first.reason(),
        "The person is protected from "
            + (action == Action.REMOVAL ? "removal" : "return")
            + ": "
            + first.reason().name()
            + " ("
            + first.article()
            + ").",
        props);
  }

  /** The status of the person of {@code caseId}; unaudited, for rules only. */
  public Status status(UUID caseId, String destinationCountry) {
    UUID personId =
        cases
            .facts(caseId)
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."))
            .personId();
    LocalDate today = LocalDate.now(clock);
    List<Procedure> procedures =
        jdbc.sql(
                """
                SELECT i.stage, i.reflection_starts, i.reflection_ends, i.negative_on, i.identified
                FROM person_identification i JOIN case_file c ON c.id = i.case_id
                WHERE c.person_id = ?""")
            .param(personId)
            .query(
                (rs, n) ->
                    new Procedure(
                        Stage.valueOf(rs.getString("stage")),
                        rs.getObject("reflection_starts", LocalDate.class),
                        rs.getObject("reflection_ends", LocalDate.class),
                        rs.getObject("negative_on", LocalDate.class),
                        rs.getBoolean("identified")))
            .list();
    List<Permit> permits =
        jdbc.sql(
                """
                SELECT r.kind, r.valid_from, r.valid_to
                FROM residence_permit r JOIN case_file c ON c.id = r.case_id
                WHERE c.person_id = ?""")
            .param(personId)
            .query(
                (rs, n) ->
                    new Permit(
                        Residence.PermitKind.valueOf(rs.getString("kind")),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
            .list();
    String recorded =
        jdbc.sql("SELECT protection_status FROM person WHERE id = ?")
            .param(personId)
            .query(String.class)
            .optional()
            .orElse(null);
    boolean asylum = "ASYLUM_SEEKER".equals(recorded);
    PersonProtection.InternationalProtection granted =
        switch (recorded == null ? "NONE" : recorded) {
          case "REFUGEE" -> PersonProtection.InternationalProtection.REFUGEE;
          case "COMPLEMENTARY_PROTECTION" ->
              PersonProtection.InternationalProtection.COMPLEMENTARY_PROTECTION;
          case "STATELESS" -> PersonProtection.InternationalProtection.STATELESS;
          default -> PersonProtection.InternationalProtection.NONE;
        };
    // The derived trafficking status, whether or not the person was referred (CETS 197 art. 10(2)).
    boolean possibleVictim = trafficking.ofPerson(personId).status().detected();
    boolean proceedings =
        jdbc.sql(
                    """
                    SELECT count(*) FROM criminal_proceeding p JOIN case_file c ON c.id = p.case_id
                    WHERE c.person_id = ? AND p.opened_on <= ?
                      AND (p.closed_on IS NULL OR p.closed_on > ?)""")
                .params(personId, today, today)
                .query(Long.class)
                .single()
            > 0;
    LocalDate risk =
        jdbc.sql(
                """
                SELECT max(a.assessed_on) FROM return_risk_assessment a
                JOIN case_file c ON c.id = a.case_id
                WHERE c.person_id = ? AND (CAST(? AS TEXT) IS NULL OR a.destination_country = ?)""")
            .params(personId, destinationCountry, destinationCountry)
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    // The latest conclusive age assessment of the person, when it found them an adult.
    LocalDate adultOn =
        jdbc
            .sql(
                """
                SELECT assessed_on, outcome FROM age_assessment
                WHERE person_id = ? AND outcome IN ('CHILD', 'ADULT')
                ORDER BY assessed_on DESC, recorded_at DESC LIMIT 1""")
            .param(personId)
            .query(
                (rs, n) ->
                    java.util.Optional.ofNullable(
                        "ADULT".equals(rs.getString("outcome"))
                            ? rs.getObject("assessed_on", LocalDate.class)
                            : null))
            .list()
            .stream()
            .findFirst()
            .flatMap(o -> o)
            .orElse(null);
    return PersonProtection.of(
        new PersonProtection.Facts(
            today,
            procedures,
            permits,
            asylum,
            proceedings,
            risk,
            granted,
            possibleVictim,
            adultOn),
        new PersonProtection.Settings(
            properties.riskAssessmentValidDays(),
            properties.reviewWindowDays(),
            properties.ageChallengeDays()));
  }
}
