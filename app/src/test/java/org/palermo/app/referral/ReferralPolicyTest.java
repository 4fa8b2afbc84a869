package org.palermo.app.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.referral.Referral.Basis;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.app.referral.Referral.ConsentGiver;
import org.palermo.app.referral.Referral.InformedHow;
import org.palermo.app.referral.ReferralPolicy.Situation;

/** The referral rules one by one, each with its reason, without Spring or a database. */
class ReferralPolicyTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final UUID FROM = UUID.randomUUID();
  static final Agency SHELTER =
      new Agency(UUID.randomUUID(), "Shelter", AgencyType.SERVICE_PROVIDER, "XA");
  static final Consent CONSENT =
      new Consent(ConsentGiver.THE_PERSON, NOW.minusSeconds(60), InformedHow.ORALLY, false);

  static Situation adult(Agency to, ServiceType type, Consent consent) {
    return new Situation(
        FROM,
        to,
        false,
        type,
        false,
        Set.of(FieldGroup.IDENTITY),
        "",
        "",
        "",
        false,
        false,
        Optional.empty(),
        consent,
        NOW);
  }

  static Situation child(ServiceType type, String consideration, Optional<UUID> determination) {
    return new Situation(
        FROM,
        SHELTER,
        false,
        type,
        false,
        Set.of(FieldGroup.IDENTITY),
        "",
        consideration,
        "",
        false,
        true,
        determination,
        null,
        NOW);
  }

  static String reason(Situation s) {
    return ReferralPolicy.refusal(s)
        .or(() -> Optional.ofNullable(ReferralPolicy.basis(s).refusal()))
        .map(r -> r.reason().code())
        .orElse("none");
  }

  @Test
  void an_adult_with_a_recorded_consent_is_referred_on_that_consent() {
    Situation s = adult(SHELTER, ServiceType.SHELTER, CONSENT);
    assertThat(ReferralPolicy.refusal(s)).isEmpty();
    assertThat(ReferralPolicy.basis(s).sharing().basis()).isEqualTo(Basis.CONSENT);
    assertThat(ReferralPolicy.basis(s).sharing().consent()).isEqualTo(CONSENT);
  }

  @Test
  void where_the_referral_goes_each_refusal_gives_its_reason() {
    Agency own = new Agency(FROM, "Own", AgencyType.SERVICE_PROVIDER, "XA");
    Agency police = new Agency(UUID.randomUUID(), "Police", AgencyType.LAW_ENFORCEMENT, "XA");
    assertThat(reason(adult(own, ServiceType.SHELTER, CONSENT))).isEqualTo("SAME_AGENCY");
    assertThat(reason(adult(police, ServiceType.SHELTER, CONSENT)))
        .isEqualTo("RECIPIENT_ENFORCEMENT");
    Situation consular =
        new Situation(
            FROM,
            SHELTER,
            true,
            ServiceType.SHELTER,
            false,
            Set.of(FieldGroup.IDENTITY),
            "",
            "",
            "",
            false,
            false,
            Optional.empty(),
            CONSENT,
            NOW);
    ReferralPolicy.Refusal barred = ReferralPolicy.refusal(consular).orElseThrow();
    assertThat(barred.reason()).isEqualTo(ReferralRefusal.RECIPIENT_CONSULAR);
    assertThat(barred.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(barred.audited()).isEqualTo(Outcome.FAILURE);
    assertThat(barred.detail()).contains("Directive 2013/32/EU art. 30");
  }

  @Test
  void a_service_referral_shares_at_most_the_referral_view() {
    Situation wide =
        new Situation(
            FROM,
            SHELTER,
            false,
            ServiceType.SHELTER,
            false,
            Set.of(FieldGroup.IDENTITY, FieldGroup.CASE_NARRATIVE),
            "",
            "",
            "",
            false,
            false,
            Optional.empty(),
            CONSENT,
            NOW);
    assertThat(reason(wide)).isEqualTo("SCOPE_INVALID");
  }

  @Test
  void an_adult_without_a_complete_consent_is_not_referred_and_the_refusal_is_audited() {
    Consent future =
        new Consent(ConsentGiver.THE_PERSON, NOW.plusSeconds(60), InformedHow.ORALLY, false);
    Consent noInterpreterAnswer =
        new Consent(ConsentGiver.THE_PERSON, NOW.minusSeconds(60), InformedHow.ORALLY, null);
    assertThat(reason(adult(SHELTER, ServiceType.SHELTER, null))).isEqualTo("CONSENT_REQUIRED");
    assertThat(reason(adult(SHELTER, ServiceType.SHELTER, future))).isEqualTo("CONSENT_REQUIRED");
    assertThat(reason(adult(SHELTER, ServiceType.SHELTER, noInterpreterAnswer)))
        .isEqualTo("CONSENT_REQUIRED");
    assertThat(ReferralPolicy.basis(adult(SHELTER, ServiceType.SHELTER, null)).refusal().audited())
        .isEqualTo(Outcome.FAILURE);
  }

  @Test
  void a_childs_emergency_care_needs_a_consideration_never_a_determination() {
    assertThat(reason(child(ServiceType.SHELTER, "", Optional.empty())))
        .isEqualTo("BEST_INTERESTS_CONSIDERATION_REQUIRED");
    assertThat(
            ReferralPolicy.basis(child(ServiceType.MEDICAL, "Needs care now", Optional.empty()))
                .sharing()
                .basis())
        .isEqualTo(Basis.EMERGENCY_CARE);
    assertThat(reason(child(ServiceType.LEGAL_AID, "", Optional.empty())))
        .isEqualTo("BEST_INTERESTS_REQUIRED");
    UUID determination = UUID.randomUUID();
    ReferralPolicy.Sharing onDetermination =
        ReferralPolicy.basis(child(ServiceType.LEGAL_AID, "", Optional.of(determination)))
            .sharing();
    assertThat(onDetermination.basis()).isEqualTo(Basis.BEST_INTERESTS);
    assertThat(onDetermination.bestInterestsId()).isEqualTo(determination);
  }

  @Test
  void only_a_user_with_the_permission_overrides_and_the_denial_is_audited() {
    Situation asked =
        new Situation(
            FROM,
            SHELTER,
            false,
            ServiceType.SHELTER,
            false,
            Set.of(FieldGroup.IDENTITY),
            "",
            "",
            "Life at risk tonight",
            false,
            false,
            Optional.empty(),
            null,
            NOW);
    ReferralPolicy.Refusal denied = ReferralPolicy.basis(asked).refusal();
    assertThat(denied.reason()).isEqualTo(ReferralRefusal.OVERRIDE_NOT_ALLOWED);
    assertThat(denied.code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(denied.audited()).isEqualTo(Outcome.DENIED);
    Situation allowed =
        new Situation(
            FROM,
            SHELTER,
            false,
            ServiceType.SHELTER,
            false,
            Set.of(FieldGroup.IDENTITY),
            "",
            "",
            "Life at risk tonight",
            true,
            false,
            Optional.empty(),
            null,
            NOW);
    ReferralPolicy.Sharing sharing = ReferralPolicy.basis(allowed).sharing();
    assertThat(sharing.basis()).isEqualTo(Basis.OVERRIDE);
    assertThat(sharing.overrideReason()).isEqualTo("Life at risk tonight");
    assertThat(sharing.consent()).isNull();
  }

  @Test
  void messages_go_while_the_referral_links_the_two_agencies() {
    Instant later = NOW.plusSeconds(3600);
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.PENDING, false, null, NOW)).isTrue();
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.ACCEPTED, false, null, NOW)).isTrue();
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.ACCEPTED, true, null, NOW)).isTrue();
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.COMPLETED, false, later, NOW)).isTrue();
    // Kept view ended or withdrawn, declined, revoked: no more messages.
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.COMPLETED, false, NOW, NOW)).isFalse();
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.COMPLETED, false, null, NOW)).isFalse();
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.DECLINED, false, null, NOW)).isFalse();
    assertThat(ReferralPolicy.messagesOpen(ReferralStatus.REVOKED, false, null, NOW)).isFalse();
  }

  @Test
  void the_recipient_reads_the_messages_only_through_the_referral_view_it_holds() {
    Set<FieldGroup> scope = Set.of(FieldGroup.CONTACT);
    Instant later = NOW.plusSeconds(3600);
    // The case's narrative readers (the sender, the owner) read them whatever the status.
    assertThat(
            ReferralPolicy.mayUseMessages(
                false,
                Set.of(FieldGroup.CASE_NARRATIVE),
                scope,
                ReferralStatus.DECLINED,
                false,
                null,
                NOW))
        .isTrue();
    // The recipient, while the referral gives it the view and the user sees some of it.
    assertThat(
            ReferralPolicy.mayUseMessages(
                true, Set.of(FieldGroup.CONTACT), scope, ReferralStatus.PENDING, false, null, NOW))
        .isTrue();
    assertThat(
            ReferralPolicy.mayUseMessages(
                true,
                Set.of(FieldGroup.CONTACT),
                scope,
                ReferralStatus.COMPLETED,
                false,
                later,
                NOW))
        .isTrue();
    // Not once the view is gone, nor for a user who sees nothing of the person through it.
    assertThat(
            ReferralPolicy.mayUseMessages(
                true, Set.of(FieldGroup.CONTACT), scope, ReferralStatus.DECLINED, false, null, NOW))
        .isFalse();
    assertThat(
            ReferralPolicy.mayUseMessages(
                true, Set.of(FieldGroup.CONTACT), scope, ReferralStatus.COMPLETED, false, NOW, NOW))
        .isFalse();
    assertThat(
            ReferralPolicy.mayUseMessages(
                true, Set.of(), scope, ReferralStatus.PENDING, false, null, NOW))
        .isFalse();
    assertThat(
            ReferralPolicy.mayUseMessages(
                true, Set.of(FieldGroup.IDENTITY), scope, ReferralStatus.PENDING, false, null, NOW))
        .isFalse();
    // The sender's side without the narrative reads nothing.
    assertThat(
            ReferralPolicy.mayUseMessages(
                false, Set.of(FieldGroup.CONTACT), scope, ReferralStatus.PENDING, false, null, NOW))
        .isFalse();
  }
}
