package org.palermo.app.referral;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.SubjectErasure;
import org.springframework.stereotype.Component;

/**
 * The part of erasure (GDPR art. 17; ICRC Handbook ch. 2.10) that falls to {@code referral}: the
 * messages between sender and recipient on the cases' referrals are deleted, not only made
 * unreadable by the shredded case key (issue #14 item 14). The referral rows stay, their free text
 * shredded with the case's data key; the statistics keep their codes. One statement for all the
 * cases.
 */
@Component
class ReferralErasure implements SubjectErasure {
  private final ReferralMessageStore messages;

  ReferralErasure(ReferralMessageStore messages) {
    this.messages = messages;
  }

  @Override
  public Map<UUID, Set<UUID>> erase(Set<UUID> caseIds, Instant at) {
    if (!caseIds.isEmpty()) {
      messages.deleteOfCases(caseIds.stream().map(UUID::toString).toArray(String[]::new));
    }
    return Map.of();
  }
}
