package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.domain.Cooperation;
import org.palermo.app.cases.persistence.CooperationStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residence permits and the recovery and reflection period (Palermo Protocol art. 7; CoE Convention
 * arts. 13 and 14), with reminders before they end. Neither depends on cooperation with the
 * authorities: no field about cooperation is read here (CoE Convention art. 12(6)).
 */
@Service
public class Residence {
  private final JdbcClient jdbc;
  private final ChildSafeguards children;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final AccessPolicy policy;
  private final ProtectionProperties properties;
  private final CooperationStore cooperation;
  private final Clock clock;

  Residence(
      JdbcClient jdbc,
      ChildSafeguards children,
      CaseTimeline timeline,
      ProtectionAccess access,
      AccessPolicy policy,
      ProtectionProperties properties,
      CooperationStore cooperation,
      Clock clock) {
    this.jdbc = jdbc;
    this.children = children;
    this.timeline = timeline;
    this.access = access;
    this.policy = policy;
    this.properties = properties;
    this.cooperation = cooperation;
    this.clock = clock;
  }

  /** Kinds of permit or period. */
  public enum PermitKind {
    /** The recovery and reflection period (CoE Convention art. 13: at least 30 days). */
    REFLECTION_PERIOD,
    /** A renewable residence permit for victims (CoE Convention art. 14). */
    VICTIM_RESIDENCE,
    ASYLUM_SEEKER,
    INTERNATIONAL_PROTECTION,
    HUMANITARIAN,
    OTHER
  }

  /** One permit or period, with how many days are left. */
  public record Permit(
      UUID id,
      PermitKind kind,
      LocalDate validFrom,
      LocalDate validTo,
      long daysLeft,
      boolean expiringSoon) {}

  /** The residence page of a case. */
  public record ResidenceRecord(
      UUID caseId,
      String reference,
      LocalDate today,
      int reminderDays,
      List<Permit> permits,
      Cooperation cooperation,
      List<Cooperation.Statement> cooperationHistory) {}

  /** A permit about to end, on the agency's list. */
  public record Expiring(
      UUID caseId, String reference, PermitKind kind, LocalDate validTo, long daysLeft) {}

  public record PermitCommand(PermitKind kind, LocalDate validFrom, LocalDate validTo) {}

  public ResidenceRecord view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.LEGAL_PROCEEDINGS, "protection.residence.read");
    var f = children.facts(caseId);
    LocalDate today = LocalDate.now(clock);
    List<Permit> permits =
        jdbc.sql(
                "SELECT id, kind, valid_from, valid_to FROM residence_permit WHERE case_id = ?"
                    + " ORDER BY valid_from, recorded_at")
            .param(caseId)
            .query(
                (rs, n) -> {
                  LocalDate to = rs.getObject("valid_to", LocalDate.class);
                  long left = ChronoUnit.DAYS.between(today, to);
                  return new Permit(
                      rs.getObject("id", UUID.class),
                      PermitKind.valueOf(rs.getString("kind")),
                      rs.getObject("valid_from", LocalDate.class),
                      to,
                      left,
                      left >= 0 && left <= properties.residenceReminderDays());
                })
            .list();
    List<Cooperation.Statement> history = cooperation.history(caseId);
    return new ResidenceRecord(
        caseId,
        f.reference(),
        today,
        properties.residenceReminderDays(),
        permits,
        history.isEmpty() ? Cooperation.NOT_ASKED : history.get(0).status(),
        history);
  }

  /**
   * Records where the person's cooperation with the authorities stands, as a new statement on the
   * case's one cooperation record (the earlier ones stay, with who recorded them and when). Nothing
   * else depends on it: assistance is unconditional (Trafficking Protocol arts. 6-7; CoE Convention
   * art. 12(6); Directive 2011/36/EU art. 11(3)).
   */
  @Transactional
  public void recordCooperation(PalermoPrincipal who, UUID caseId, Cooperation status) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    children.facts(caseId);
    if (status == null) {
      throw ProtectionAccess.invalid("cooperation", "Say where cooperation stands.");
    }
    cooperation.append(caseId, status, who.username(), Instant.now(clock));
    timeline.append(caseId, who, "protection.cooperationRecorded", status.name());
    access.record(who, caseId, "protection.cooperation", Outcome.SUCCESS, status.name());
  }

  @Transactional
  public UUID addPermit(PalermoPrincipal who, UUID caseId, PermitCommand c) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    children.facts(caseId);
    if (c.kind() == null) {
      throw ProtectionAccess.invalid("kind", "Say which kind of permit or period.");
    }
    if (c.validFrom() == null || c.validTo() == null) {
      throw ProtectionAccess.invalid("validTo", "Give the first and last day.");
    }
    if (c.validTo().isBefore(c.validFrom())) {
      throw ProtectionAccess.invalid("validTo", "The last day comes before the first.");
    }
    // A reflection period recorded by hand (one granted outside Palermo's identification) is at
    // least 30 days (CETS 197 art. 13(1)), counting the first and the last day (both included, as
    // docs/identification.md says); a positive reasonable-grounds decision starts its own.
    if (c.kind() == PermitKind.REFLECTION_PERIOD
        && ChronoUnit.DAYS.between(c.validFrom(), c.validTo()) + 1 < 30) {
      throw ProtectionAccess.invalid(
          "validTo", "A recovery and reflection period lasts at least 30 days.");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO residence_permit (id, case_id, kind, valid_from, valid_to, recorded_by,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            caseId,
            c.kind().name(),
            c.validFrom(),
            c.validTo(),
            who.username(),
            Timestamp.from(Instant.now(clock)))
        .update();
    timeline.append(caseId, who, "protection.residenceRecorded", c.kind() + " to:" + c.validTo());
    access.record(who, caseId, "protection.residence", Outcome.SUCCESS, "permit:" + id);
    return id;
  }

  /**
   * The agency's permits that end within the reminder window and have no later permit for the same
   * case: the expiring-soon list. Only cases whose legal proceedings the user may read.
   */
  public List<Expiring> expiringSoon(PalermoPrincipal who) {
    LocalDate today = LocalDate.now(clock);
    LocalDate until = today.plusDays(properties.residenceReminderDays());
    List<Expiring> found =
        jdbc
            .sql(
                """
                SELECT r.case_id, c.reference, r.kind, r.valid_to FROM residence_permit r
                JOIN case_file c ON c.id = r.case_id
                WHERE c.owner_agency_id = ? AND r.valid_to BETWEEN ? AND ?
                  AND NOT EXISTS (SELECT 1 FROM residence_permit l
                    WHERE l.case_id = r.case_id AND l.valid_to > r.valid_to)
                ORDER BY r.valid_to, c.reference""")
            .params(who.agencyId(), today, until)
            .query(
                (rs, n) -> {
                  LocalDate to = rs.getObject("valid_to", LocalDate.class);
                  return new Expiring(
                      rs.getObject("case_id", UUID.class),
                      rs.getString("reference"),
                      PermitKind.valueOf(rs.getString("kind")),
                      to,
                      ChronoUnit.DAYS.between(today, to));
                })
            .list()
            .stream()
            .filter(e -> policy.allows(who, e.caseId(), FieldGroup.LEGAL_PROCEEDINGS, Access.READ))
            .toList();
    access.record(
        who,
        "agency:" + who.agencyId(),
        "protection.residence.expiring",
        Outcome.SUCCESS,
        "count=" + found.size());
    return found;
  }

  public int reminderDays() {
    return properties.residenceReminderDays();
  }
}
