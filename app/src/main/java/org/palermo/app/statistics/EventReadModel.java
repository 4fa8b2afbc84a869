package org.palermo.app.statistics;

import java.sql.Timestamp;
import org.palermo.app.cases.ServiceDelivered;
import org.palermo.app.identification.IdentificationDecided;
import org.palermo.app.referral.ReferralStatusChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The parts of the read model for the referral-performance indicators: every referral step, every
 * service delivered and every identification decision, each stored from its event (never from the
 * other modules' tables). Delivery is at least once, so a repeated event changes nothing.
 */
@Component
class EventReadModel {
  private final JdbcClient jdbc;
  private final ErasedCases erasedCases;

  EventReadModel(JdbcClient jdbc, ErasedCases erasedCases) {
    this.jdbc = jdbc;
    this.erasedCases = erasedCases;
  }

  @ApplicationModuleListener
  void on(ReferralStatusChanged e) {
    if (erasedCases.erased(e.caseId())) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO statistics_referral_step (referral_id, status, at, case_id, from_agency_id,
              from_agency_type, to_agency_id, to_agency_type, service_type, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(
            e.referralId(),
            e.status().name(),
            Timestamp.from(e.at()),
            e.caseId(),
            e.fromAgencyId(),
            e.fromAgencyType(),
            e.toAgencyId(),
            e.toAgencyType(),
            e.serviceType(),
            e.dueAt() == null ? null : Timestamp.from(e.dueAt()))
        .update();
  }

  @ApplicationModuleListener
  void on(ServiceDelivered e) {
    if (erasedCases.erased(e.caseId())) {
      return;
    }
    // The service's own id (issue 12 §3); events published before it had one keep the old key.
    String key =
        e.deliveryId() != null
            ? e.deliveryId().toString()
            : e.caseId()
                + "|"
                + e.serviceType()
                + "|"
                + e.deliveredOn()
                + "|"
                + (e.providerAgencyId() == null ? "-" : e.providerAgencyId());
    jdbc.sql(
            """
            INSERT INTO statistics_service (delivery_key, case_id, service_type, delivered_on,
              provider_agency_id, provider_agency_type)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(
            key,
            e.caseId(),
            e.serviceType(),
            e.deliveredOn(),
            e.providerAgencyId(),
            e.providerAgencyType())
        .update();
  }

  @ApplicationModuleListener
  void on(IdentificationDecided e) {
    if (erasedCases.erased(e.caseId())) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO statistics_decision (decision_id, case_id, kind, outcome, decided_by_org,
              referred_at, decided_at, late, agency_id, agency_type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(
            e.decisionId(),
            e.caseId(),
            e.kind(),
            e.outcome(),
            e.decidedByOrg(),
            e.referredAt() == null ? null : Timestamp.from(e.referredAt()),
            Timestamp.from(e.decidedAt()),
            e.late(),
            e.agencyId(),
            e.agencyType())
        .update();
  }
}
