package org.palermo.app.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy.Access;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Notices to an agency (table {@code notification}): that someone broke the glass on one of its
 * cases (SECURITY.md rule 5, "shown to the record's owner"), an erasure request, an abnormal volume
 * of requests, and the case work of its cases. Details name staff, times and case references, never
 * the person.
 *
 * <p>A notice is addressed to an agency, but each user of it sees it only under the rule of its
 * kind ({@link #visible}; SECURITY.md rule 2, need to know): a notice about a case shows only to a
 * user the access policy lets read the case now (so not after the case was transferred away, nor to
 * a role that reads nothing of it), except the kinds that oversight or a guardian must see whatever
 * the case's owner.
 */
@Service
public class Notifications {
  /** Roles that oversee the agency's use of access: the data-protection officer and supervisors. */
  static final Set<Role> OVERSIGHT = EnumSet.of(Role.DATA_PROTECTION_OFFICER, Role.CASE_SUPERVISOR);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectProvider<AccessPolicy> policy;

  Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<AccessPolicy> policy) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.policy = policy;
  }

  /**
   * One notice. {@code kind} names the message {@code security.notification.<kind>}; {@code
   * addressee} is the one user of the agency it is meant for, or null.
   */
  public record Notice(
      UUID id, String kind, UUID caseId, String detail, Instant createdAt, UUID addressee) {
    public Notice(UUID id, String kind, UUID caseId, String detail, Instant createdAt) {
      this(id, kind, caseId, detail, createdAt, null);
    }
  }

  /** Notifies {@code agencyId}. */
  public void notify(UUID agencyId, String kind, UUID caseId, String detail) {
    notify(agencyId, null, kind, caseId, detail);
  }

  /**
   * Notifies {@code agencyId}, for {@code addressee} (a user of it, or null: the agency's users
   * that the rule of the kind lets see it).
   */
  public void notify(UUID agencyId, UUID addressee, String kind, UUID caseId, String detail) {
    jdbc.sql(
            "INSERT INTO notification (id, agency_id, addressee_id, kind, case_id, detail,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            agencyId,
            addressee,
            kind,
            caseId,
            detail,
            Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * The newest notices of {@code who}'s agency that {@code who} may see ({@link #visible}), at most
   * {@code limit}: the newest 200 of the agency are looked at.
   */
  public List<Notice> forAgency(PalermoPrincipal who, int limit) {
    Map<UUID, Boolean> readable = new HashMap<>();
    return newest(who.agencyId()).stream()
        .filter(n -> visible(who, n, readable))
        .limit(Math.max(1, Math.min(limit, 200)))
        .toList();
  }

  /**
   * The rule of each kind of notice, explicitly (an unknown kind falls to the strictest rule that
   * applies to it):
   *
   * <ul>
   *   <li>{@code breakGlass}, {@code erasureRequested}: the agency's oversight roles always (the
   *       record's owner is told of an emergency access, SECURITY.md rule 5; the DPO decides the
   *       erasure, GDPR art. 17 and 38), anyone else only while they may read the case;
   *   <li>{@code abnormalVolume}: oversight roles only (it names a colleague; ASVS V7);
   *   <li>{@code missingChildGuardian}: only the people who work on that child — the guardian (the
   *       notice's addressee, a user of the instance), the child-protection officers of the
   *       guardian's agency when the guardian is the agency itself (no addressee: its
   *       child-protection focal point), and whoever may read the case now (its owner's team) —
   *       never every caseworker of the guardian's agency (the guardian must act at once, CoE
   *       Convention art. 10(4); SECURITY.md rule 2, need to know);
   *   <li>every other kind (case work: tasks, referrals' answers, messages on a referral ({@code
   *       referralMessage}), identification decisions, guardian needed, missing child): only a user
   *       the access policy lets read the case now (for a referral's recipient, while the referral
   *       gives it the referral view).
   * </ul>
   */
  boolean visible(PalermoPrincipal who, Notice n, Map<UUID, Boolean> readable) {
    return switch (n.kind()) {
      case "breakGlass", "erasureRequested" ->
          oversees(who) || (n.caseId() != null && reads(who, n.caseId(), readable));
      case "abnormalVolume" -> oversees(who);
      case "missingChildGuardian" ->
          (n.addressee() != null
                  ? n.addressee().equals(who.userId())
                  : who.hasRole(Role.CHILD_PROTECTION_OFFICER))
              || (n.caseId() != null && reads(who, n.caseId(), readable));
      default -> n.caseId() == null ? oversees(who) : reads(who, n.caseId(), readable);
    };
  }

  private static boolean oversees(PalermoPrincipal who) {
    return OVERSIGHT.stream().anyMatch(who::hasRole);
  }

  /** Whether the policy lets {@code who} read anything of the case but its statistics. */
  private boolean reads(PalermoPrincipal who, UUID caseId, Map<UUID, Boolean> readable) {
    return readable.computeIfAbsent(
        caseId,
        c -> {
          Set<FieldGroup> groups = EnumSet.noneOf(FieldGroup.class);
          groups.addAll(policy.getObject().groups(who, c, Access.READ));
          groups.remove(FieldGroup.STATISTICS_ONLY);
          return !groups.isEmpty();
        });
  }

  private List<Notice> newest(UUID agencyId) {
    return jdbc.sql(
            "SELECT id, kind, case_id, detail, created_at, addressee_id FROM notification"
                + " WHERE agency_id = ? ORDER BY created_at DESC, id LIMIT 200")
        .params(agencyId)
        .query(
            (rs, n) ->
                new Notice(
                    rs.getObject("id", UUID.class),
                    rs.getString("kind"),
                    rs.getObject("case_id", UUID.class),
                    rs.getString("detail"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getObject("addressee_id", UUID.class)))
        .list();
  }
}
