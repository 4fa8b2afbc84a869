package org.palermo.app.referral;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.Agency;
import org.palermo.app.cases.CaseReferrals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers {@link CaseReferrals} for the printable case summary (the case's referrals as codes,
 * agency names and dates) and for the missing-child alert (the agencies still referred to). The
 * cases module has asked the access policy before calling.
 */
@Component
class CaseReferralLines implements CaseReferrals {
  private final ReferralStore store;
  private final ReferralEvents events;
  private final JdbcClient jdbc;

  CaseReferralLines(ReferralStore store, ReferralEvents events, JdbcClient jdbc) {
    this.store = store;
    this.events = events;
    this.jdbc = jdbc;
  }

  @Override
  public Set<UUID> openRecipients(UUID caseId) {
    return new LinkedHashSet<>(
        jdbc.sql(
                "SELECT DISTINCT to_agency_id FROM referral WHERE case_id = ?"
                    + " AND status IN ('PENDING', 'ACCEPTED')")
            .param(caseId)
            .query(UUID.class)
            .list());
  }

  @Override
  public List<Line> ofCase(UUID caseId) {
    return store.ofCase(caseId).stream()
        .map(
            r ->
                new Line(
                    r.id(),
                    r.serviceType(),
                    name(r.toAgencyId()),
                    r.status().name(),
                    r.transfer(),
                    r.createdAt(),
                    r.answeredAt(),
                    r.closedAt()))
        .toList();
  }

  private String name(UUID agencyId) {
    Agency a = events.agency(agencyId);
    return a == null ? "-" : a.name();
  }
}
