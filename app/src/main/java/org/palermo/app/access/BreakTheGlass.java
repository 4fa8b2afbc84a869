package org.palermo.app.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass (SECURITY.md rule 5; ASVS V4.1.5 "fail securely", V7.1.3 security events): a user
 * of a role in {@link AccessRules#BREAK_THE_GLASS_ROLES}, never in an enforcement agency, reads a
 * case of another agency in an emergency. A reason is required; access lasts {@code
 * palermo.security.break-glass-duration} (default 3 hours); it is audited and the owning agency is
 * notified. While it lasts, this source answers {@link Relationship#BREAK_THE_GLASS}.
 */
@Service
public class BreakTheGlass implements RelationshipSource {
  private final JdbcClient jdbc;
  // Looked up when used: the owner of persons (cases) depends on the access policy.
  private final ObjectProvider<InternationalProtection> protection;
  private final Notifications notifications;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration duration;

  BreakTheGlass(
      JdbcClient jdbc,
      Notifications notifications,
      AuditLog audit,
      Clock clock,
      ObjectProvider<InternationalProtection> protection,
      @Value("${palermo.security.break-glass-duration:PT3H}") Duration duration) {
    this.jdbc = jdbc;
    this.protection = protection;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
    this.duration = duration;
  }

  /** An emergency access granted. */
  public record Grant(UUID id, UUID caseId, Instant expiresAt) {}

  @Override
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    long n =
        jdbc.sql(
                "SELECT count(*) FROM break_glass WHERE user_id = ? AND case_id = ?"
                    + " AND expires_at > ?")
            .params(who.userId(), caseId, Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    return n > 0 ? Set.of(Relationship.BREAK_THE_GLASS) : Set.of();
  }

  @Override
  public Set<UUID> casesBeyondOwnAgency(PalermoPrincipal who) {
    return Set.copyOf(
        jdbc.sql("SELECT DISTINCT case_id FROM break_glass WHERE user_id = ? AND expires_at > ?")
            .params(who.userId(), Timestamp.from(clock.instant()))
            .query(UUID.class)
            .list());
  }

  /** Whether {@code who}'s role and agency allow breaking the glass at all. */
  public static boolean allowed(PalermoPrincipal who) {
    return !who.function().isEnforcement()
        && who.roles().stream().anyMatch(AccessRules.BREAK_THE_GLASS_ROLES::contains);
  }

  /** Breaks the glass on the case, for {@code reason}; notifies the owning agency. */
  @Transactional
  public Grant open(PalermoPrincipal who, UUID caseId, String reason) {
    if (!allowed(who)) {
      deny(who, caseId, "role");
      // Enforcement users learn nothing about the case: the same answer as for no case at all.
      if (who.function().isEnforcement()) {
        throw new PalermoException(ErrorCode.NOT_FOUND, AccessPolicy.NO_SUCH_CASE);
      }
      throw new PalermoException(ErrorCode.FORBIDDEN, "Your role may not break the glass.");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.length() < 10 || why.length() > 1000) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Give the reason, in 10 to 1000 characters.",
          Map.of("field", "reason"));
    }
    UUID owner =
        jdbc.sql("SELECT owner_agency_id FROM case_file WHERE id = ?")
            .param(caseId)
            .query(UUID.class)
            .optional()
            .orElseThrow(
                () -> {
                  deny(who, caseId, "no case");
                  return new PalermoException(ErrorCode.NOT_FOUND, AccessPolicy.NO_SUCH_CASE);
                });
    if (owner.equals(who.agencyId())) {
      throw new PalermoException(
          ErrorCode.CONFLICT, "Your agency owns this case; no emergency access is needed.");
    }
    if (who.agencyType() == AgencyType.CONSULATE
        && protection.getObject().seeksOrHasInternationalProtection(caseId)) {
      // A consulate may represent the state the person fled: no information to the alleged actor
      // of persecution (Directive 2013/32/EU art. 30; 1951 Convention art. 33).
      deny(who, caseId, "reason=RECIPIENT_CONSULAR");
      throw new PalermoException(
          ErrorCode.CONFLICT,
          AccessRefusal.RECIPIENT_CONSULAR,
          "This person seeks or has international protection: a consulate or embassy reads"
              + " nothing about them (Directive 2013/32/EU art. 30; 1951 Convention art. 33).");
    }
    Instant now = clock.instant();
    Grant g = new Grant(UUID.randomUUID(), caseId, now.plus(duration));
    jdbc.sql(
            "INSERT INTO break_glass (id, case_id, user_id, agency_id, reason, started_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            g.id(),
            caseId,
            who.userId(),
            who.agencyId(),
            why,
            Timestamp.from(now),
            Timestamp.from(g.expiresAt()))
        .update();
    notifications.notify(
        owner,
        "breakGlass",
        caseId,
        who.displayName() + " (" + who.agencyName() + ") until " + g.expiresAt());
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.break-glass",
            "case:" + caseId,
            Outcome.SUCCESS,
            "grant:" + g.id() + " until=" + g.expiresAt()));
    return g;
  }

  private void deny(PalermoPrincipal who, UUID caseId, String why) {
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.break-glass",
            "case:" + caseId,
            Outcome.DENIED,
            why));
  }
}
