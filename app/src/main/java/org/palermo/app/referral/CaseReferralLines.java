package org.palermo.app.referral;

import java.util.List;
import java.util.UUID;
import org.palermo.app.access.Agency;
import org.palermo.app.cases.CaseReferrals;
import org.springframework.stereotype.Component;

/**
 * Answers {@link CaseReferrals} for the printable case summary: the case's referrals as codes,
 * agency names and dates. The cases module has asked the access policy before calling.
 */
@Component
class CaseReferralLines implements CaseReferrals {
  private final ReferralStore store;
  private final ReferralEvents events;

  CaseReferralLines(ReferralStore store, ReferralEvents events) {
    this.store = store;
    this.events = events;
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
