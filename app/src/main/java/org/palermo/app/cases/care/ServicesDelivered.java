package org.palermo.app.cases.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.ServiceDelivered;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Services delivered to the person, by an agency in Palermo or by a provider outside it, optionally
 * towards an objective of the support plan. Recording one publishes {@link ServiceDelivered} (for
 * the referral-performance indicators) in the same transaction. Delivery is never conditional on
 * cooperation with the authorities (Palermo Protocol art. 6; CoE Convention art. 12(6)): nothing
 * here looks at such a field.
 */
@Service
public class ServicesDelivered {
  static final int NOTE_MAX = 2000;
  static final int PROVIDER_MAX = 200;

  private final JdbcClient jdbc;
  private final CareGuard guard;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SealedText sealed;

  ServicesDelivered(
      JdbcClient jdbc,
      CareGuard guard,
      Accounts accounts,
      ApplicationEventPublisher events,
      Clock clock,
      SealedText sealed) {
    this.sealed = sealed;
    this.jdbc = jdbc;
    this.guard = guard;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /** A delivered service to record: either a provider agency or a provider name. */
  public record NewService(
      CareServiceType serviceType,
      LocalDate deliveredOn,
      UUID providerAgencyId,
      String providerName,
      UUID objectiveId,
      String note) {}

  /** A recorded service. */
  public record Delivered(
      UUID id,
      CareServiceType serviceType,
      LocalDate deliveredOn,
      UUID providerAgencyId,
      String provider,
      UUID objectiveId,
      String note,
      String recordedBy,
      Instant recordedAt) {}

  /** Records a delivered service and publishes {@link ServiceDelivered}. */
  @Transactional
  public UUID record(PalermoPrincipal who, UUID caseId, NewService cmd) {
    guard.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    return insert(who, caseId, cmd);
  }

  /**
   * Records the service that the recipient of a referral delivered (issue #14 item 14), which the
   * recipient may do without reading or writing the case narrative: only for {@link
   * org.palermo.app.cases.ReferredServices}, which the referral module calls after it checked that
   * {@code who} answers for the recipient agency of a referral of this case in force. The provider
   * is the recipient's own agency.
   */
  @Transactional
  public UUID recordByRecipient(PalermoPrincipal who, UUID caseId, NewService cmd) {
    return insert(who, caseId, cmd);
  }

  private UUID insert(PalermoPrincipal who, UUID caseId, NewService cmd) {
    if (cmd.serviceType() == null) {
      throw CareGuard.invalid("serviceType", CareRefusal.REQUIRED, "'serviceType' is required.");
    }
    if (cmd.deliveredOn() == null) {
      throw CareGuard.invalid("deliveredOn", CareRefusal.REQUIRED, "'deliveredOn' is required.");
    }
    if (cmd.deliveredOn().isAfter(LocalDate.now(clock))) {
      throw CareGuard.invalid("deliveredOn", CareRefusal.FUTURE, "'deliveredOn' is in the future.");
    }
    String name = CareGuard.text(cmd.providerName(), "providerName", PROVIDER_MAX, false);
    Agency agency = null;
    if (cmd.providerAgencyId() != null) {
      if (!name.isEmpty()) {
        throw CareGuard.invalid(
            "providerName",
            CareRefusal.ONE_PROVIDER,
            "Give a provider agency or a provider name, not both.");
      }
      agency =
          accounts.agencies().stream()
              .filter(a -> a.id().equals(cmd.providerAgencyId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      CareGuard.invalid(
                          "providerAgencyId",
                          CareRefusal.UNKNOWN_AGENCY,
                          "No such provider agency."));
    } else if (name.isEmpty()) {
      throw CareGuard.invalid(
          "providerName", CareRefusal.PROVIDER, "Give a provider agency or a provider name.");
    }
    if (cmd.objectiveId() != null) {
      boolean ofCase =
          jdbc.sql("SELECT count(*) FROM care_plan_objective WHERE id = ? AND case_id = ?")
                  .params(cmd.objectiveId(), caseId)
                  .query(Long.class)
                  .single()
              > 0;
      if (!ofCase) {
        throw CareGuard.invalid("objectiveId", CareRefusal.UNKNOWN_OBJECTIVE, "No such objective.");
      }
    }
    String note = CareGuard.text(cmd.note(), "note", NOTE_MAX, false);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO care_service (id, case_id, service_type, delivered_on,"
                + " provider_agency_id, provider_name, objective_id, note_sealed, recorded_by,"
                + " recorded_agency, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            caseId,
            cmd.serviceType().name(),
            cmd.deliveredOn(),
            agency == null ? null : agency.id(),
            agency == null ? name : null,
            cmd.objectiveId(),
            sealed.seal(caseId, "care_service", "note", id, note),
            who.username(),
            who.agencyName(),
            Timestamp.from(clock.instant()))
        .update();
    events.publishEvent(
        new ServiceDelivered(
            id,
            caseId,
            cmd.serviceType().name(),
            cmd.deliveredOn(),
            agency == null ? null : agency.id(),
            agency == null ? null : agency.type().name()));
    guard.wrote(
        who,
        caseId,
        "care.service.delivered",
        "care.service.record",
        "service:" + id + " type=" + cmd.serviceType());
    return id;
  }

  /** The services delivered on the case, newest first. */
  public List<Delivered> list(PalermoPrincipal who, UUID caseId) {
    guard.read(who, caseId, FieldGroup.CASE_NARRATIVE, "care.services.read");
    // The provider agency's name comes from the access module's API, not its table.
    java.util.Map<UUID, String> agencyNames = new java.util.HashMap<>();
    accounts.agencies().forEach(a -> agencyNames.put(a.id(), a.name()));
    return jdbc.sql(
            "SELECT s.id, s.service_type, s.delivered_on, s.provider_agency_id,"
                + " s.provider_name AS provider, s.objective_id, s.note, s.note_sealed,"
                + " s.recorded_by, s.recorded_at FROM care_service s WHERE s.case_id = ?"
                + " ORDER BY s.delivered_on DESC, s.recorded_at DESC")
        .param(caseId)
        .query(
            (rs, n) ->
                new Delivered(
                    rs.getObject("id", UUID.class),
                    CareServiceType.valueOf(rs.getString("service_type")),
                    rs.getObject("delivered_on", LocalDate.class),
                    rs.getObject("provider_agency_id", UUID.class),
                    agencyNames.getOrDefault(
                        rs.getObject("provider_agency_id", UUID.class), rs.getString("provider")),
                    rs.getObject("objective_id", UUID.class),
                    sealed.open(
                        caseId,
                        "care_service",
                        "note",
                        rs.getObject("id", UUID.class),
                        rs.getBytes("note_sealed"),
                        rs.getString("note")),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }
}
