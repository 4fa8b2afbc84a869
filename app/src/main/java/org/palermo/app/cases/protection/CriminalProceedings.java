package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Criminal proceedings in which the person is a victim or a witness, as the person or their lawyer
 * reports them: while one is open, no removal is recorded (TIP Protocol art. 8(2); CETS 197 art.
 * 16(2); {@link PersonProtection}). Legal-proceedings field group. Dates and role only: nothing
 * about the proceedings' content.
 */
@Service
public class CriminalProceedings {
  private final JdbcClient jdbc;
  private final ChildSafeguards children;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final Clock clock;

  CriminalProceedings(
      JdbcClient jdbc,
      ChildSafeguards children,
      CaseTimeline timeline,
      ProtectionAccess access,
      Clock clock) {
    this.jdbc = jdbc;
    this.children = children;
    this.timeline = timeline;
    this.access = access;
    this.clock = clock;
  }

  /** The person's part in the proceedings. */
  public enum Role {
    VICTIM,
    WITNESS
  }

  /** One proceeding. */
  public record Proceeding(UUID id, Role role, LocalDate openedOn, LocalDate closedOn) {}

  public record ProceedingCommand(Role role, LocalDate openedOn) {}

  public List<Proceeding> of(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.LEGAL_PROCEEDINGS, "protection.proceedings.read");
    return jdbc.sql(
            "SELECT id, role, opened_on, closed_on FROM criminal_proceeding WHERE case_id = ?"
                + " ORDER BY opened_on, recorded_at")
        .param(caseId)
        .query(
            (rs, n) ->
                new Proceeding(
                    rs.getObject("id", UUID.class),
                    Role.valueOf(rs.getString("role")),
                    rs.getObject("opened_on", LocalDate.class),
                    rs.getObject("closed_on", LocalDate.class)))
        .list();
  }

  @Transactional
  public UUID record(PalermoPrincipal who, UUID caseId, ProceedingCommand c) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    children.facts(caseId);
    if (c == null || c.role() == null) {
      throw ProtectionAccess.invalid("role", "Say whether the person is a victim or a witness.");
    }
    LocalDate on = children.pastOrToday(c.openedOn(), "openedOn");
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO criminal_proceeding (id, case_id, role, opened_on, recorded_by,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(id, caseId, c.role().name(), on, who.username(), Timestamp.from(clock.instant()))
        .update();
    timeline.append(caseId, who, "protection.proceedingsRecorded", c.role().name());
    access.record(who, caseId, "protection.proceedings", Outcome.SUCCESS, "proceeding:" + id);
    return id;
  }

  /** Records that the proceedings ended today. */
  @Transactional
  public void close(PalermoPrincipal who, UUID caseId, UUID proceedingId) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    int n =
        jdbc.sql(
                "UPDATE criminal_proceeding SET closed_on = ?"
                    + " WHERE id = ? AND case_id = ? AND closed_on IS NULL")
            .params(children.today(), proceedingId, caseId)
            .update();
    if (n == 0) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such open proceeding.");
    }
    timeline.append(caseId, who, "protection.proceedingsClosed", "proceeding:" + proceedingId);
    access.record(who, caseId, "protection.proceedings", Outcome.SUCCESS, "closed:" + proceedingId);
  }
}
