package org.palermo.app.identification.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningStatus;
import org.palermo.app.identification.screening.Variant;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent before a referral for formal identification (issue 13 §2). An adult is referred only with
 * their recorded consent (when, interpreter or not); a child needs none — a person whose stated age
 * is under 18 or whose age is disputed is a child here (CoE Convention art. 10(3)). When an adult
 * refuses, the first responder may make an anonymous, statistics-only notification (the UK's Duty
 * to Notify, Modern Slavery Act 2015 s.52): agency, month, form of exploitation and country, never
 * a name, a screening or a case.
 */
@Service
public class IdentificationConsent {
  private final JdbcClient jdbc;
  private final Screenings screenings;
  private final IdentificationAudit audit;
  private final Clock clock;

  IdentificationConsent(
      JdbcClient jdbc, Screenings screenings, IdentificationAudit audit, Clock clock) {
    this.jdbc = jdbc;
    this.screenings = screenings;
    this.audit = audit;
    this.clock = clock;
  }

  /** An adult's consent to the referral: when it was given, with an interpreter or not. */
  public record Consent(Instant givenAt, Boolean interpreterUsed) {}

  /** Forms of exploitation an anonymous notification may name. */
  public enum Exploitation {
    SEXUAL,
    LABOUR,
    CRIMINALITY,
    DOMESTIC_SERVITUDE,
    ORGAN_REMOVAL,
    OTHER,
    UNKNOWN
  }

  /** What an anonymous notification carries: no name, no screening, no case. */
  public record NotificationCommand(Exploitation exploitation, String country) {}

  static boolean child(Screening s) {
    return s.variant() == Variant.CHILD;
  }

  /**
   * Checks the consent for a referral and records it; called inside the referral's transaction.
   * Refuses an adult's referral without a complete consent.
   */
  void recordForReferral(PalermoPrincipal who, Screening s, Consent c) {
    Instant now = clock.instant();
    if (child(s)) {
      insert(s.id(), "CHILD_NO_CONSENT_NEEDED", null, null, who, now);
      return;
    }
    if (c == null
        || c.givenAt() == null
        || c.givenAt().isAfter(now)
        || c.interpreterUsed() == null) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          IdentificationRefusal.ADULT_CONSENT_REQUIRED,
          "An adult is referred for identification only with their consent: record when it was"
              + " given and whether an interpreter was used.",
          Map.of("field", "consent"));
    }
    jdbc.sql("DELETE FROM identification_consent WHERE screening_id = ?").param(s.id()).update();
    insert(s.id(), "ADULT_CONSENTED", c.givenAt(), c.interpreterUsed(), who, now);
  }

  /** The consent basis recorded for a screening's referral, if any. */
  public Optional<String> basis(UUID screeningId) {
    return jdbc.sql("SELECT basis FROM identification_consent WHERE screening_id = ?")
        .param(screeningId)
        .query(String.class)
        .optional();
  }

  /**
   * The adult refused the referral: records the refusal on the screening and an anonymous
   * notification that cannot be traced back to it.
   */
  @Transactional
  public void notifyAnonymously(PalermoPrincipal who, UUID screeningId, NotificationCommand c) {
    Screenings.Loaded loaded = screenings.owned(who, screeningId, "identification.notification");
    Screening s = loaded.screening();
    if (s.status() != ScreeningStatus.COMPLETED) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.NOT_COMPLETED,
          "Complete the screening before referring it.");
    }
    if (child(s)) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.CHILD_REFER_INSTEAD,
          "A child needs no consent: refer the child for identification.");
    }
    if (loaded.procedure() != null || basis(screeningId).isPresent()) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.ALREADY_NOTIFIED,
          "The screening is already referred or notified.");
    }
    String country = c == null || c.country() == null ? null : c.country().strip().toUpperCase();
    if (country != null && !country.isEmpty() && !country.matches("[A-Z]{2}")) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          IdentificationRefusal.COUNTRY_INVALID,
          "Give the country as a two-letter code.",
          Map.of("field", "country"));
    }
    Instant now = clock.instant();
    insert(screeningId, "ADULT_REFUSED", null, null, who, now);
    LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
    jdbc.sql(
            "INSERT INTO anonymous_notification (id, agency_id, month, exploitation, country)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            who.agencyId(),
            month,
            c == null || c.exploitation() == null
                ? Exploitation.UNKNOWN.name()
                : c.exploitation().name(),
            country == null || country.isEmpty() ? null : country)
        .update();
    audit.success(who, "identification.notification", screeningId, "anonymous, refused");
  }

  private void insert(
      UUID screeningId,
      String basis,
      Instant at,
      Boolean interpreter,
      PalermoPrincipal who,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO identification_consent (screening_id, basis, consent_at, interpreter_used,
              recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            screeningId,
            basis,
            at == null ? null : Timestamp.from(at),
            interpreter,
            who.username(),
            Timestamp.from(now))
        .update();
  }
}
