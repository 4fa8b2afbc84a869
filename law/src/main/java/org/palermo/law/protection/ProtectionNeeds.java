package org.palermo.law.protection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.palermo.law.ChildStatus;
import org.palermo.law.Majority;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.ServiceType;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;
import org.palermo.law.rule.Codes;

/**
 * Derives protection needs from {@link Circumstances}: child protection for any child (under 18) or
 * any unaccompanied or separated child, guardianship for the latter, international protection when
 * sought, and medical, psychosocial, safe-accommodation, legal-aid and language needs from the
 * indicators' catalogue entries. Needs never depend on a legal finding.
 */
public final class ProtectionNeeds {
  private final IndicatorCatalogue catalogue;

  public ProtectionNeeds(IndicatorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The needs these circumstances call for. */
  public Set<ProtectionNeed> derive(Circumstances circumstances) {
    Set<ProtectionNeed> needs = EnumSet.noneOf(ProtectionNeed.class);
    boolean unaccompanied = Boolean.TRUE.equals(circumstances.unaccompaniedChild());
    boolean separated = Boolean.TRUE.equals(circumstances.separatedChild());
    Integer age = circumstances.age();
    if (Majority.isChild(age) || unaccompanied || separated) {
      needs.add(ProtectionNeed.CHILD_PROTECTION);
    }
    if (unaccompanied || separated) {
      needs.add(ProtectionNeed.GUARDIANSHIP);
    }
    if (Boolean.TRUE.equals(circumstances.seekingInternationalProtection())) {
      needs.add(ProtectionNeed.INTERNATIONAL_PROTECTION);
    }
    for (String code : circumstances.indicators()) {
      catalogue.indicator(code).map(Indicator::needs).ifPresent(needs::addAll);
    }
    return needs;
  }

  /** Needs with the reasons for them (palermo-rules/1.1.0). */
  public record Derived(Set<ProtectionNeed> needs, List<Reason> reasons) {}

  /**
   * The needs of palermo-rules/1.1.0, which follow the person and not only the indicators: child
   * protection for a child or a presumed child (CETS 197 art. 10(3)); a guardian for an
   * unaccompanied or separated child (CETS 197 art. 10(4)) and for a child exploited by a parent or
   * caregiver (Directive 2011/36/EU art. 14(2)), and for a child or presumed child with trafficking
   * indicated who is not reported in the care of a parent or guardian (CETS 197 art. 10(4);
   * Directive 2011/36/EU arts. 14(2), 16(3)); the assistance baseline of CETS 197 art. 12(1)
   * whenever trafficking is indicated, and while it is undetermined with an element reported met
   * ({@code elementsMetWhileUndetermined}, CETS 197 art. 10(2), 12(1)–(2); Directive 2011/36/EU
   * art. 11(2)); medical care and safe accommodation for a migrant whose life or safety was
   * endangered (Smuggling Protocol art. 16(3)). A finding can only add needs, never take one away:
   * everything {@link #derive} gives is kept.
   */
  public Derived deriveForPerson(
      Circumstances circumstances,
      ChildStatus child,
      String presumptionGround,
      Boolean exploiterIsParentOrCaregiver,
      Boolean lifeOrSafetyEndangered,
      Boolean inhumanOrDegradingTreatment,
      boolean traffickingIndicated,
      String elementsMetWhileUndetermined) {
    Set<ProtectionNeed> needs = EnumSet.noneOf(ProtectionNeed.class);
    List<Reason> reasons = new ArrayList<>(4);
    boolean unaccompanied = Boolean.TRUE.equals(circumstances.unaccompaniedChild());
    boolean separated = Boolean.TRUE.equals(circumstances.separatedChild());
    if (child == ChildStatus.YES) {
      needs.add(ProtectionNeed.CHILD_PROTECTION);
      reasons.add(Reason.of(ReasonCode.NEED_CHILD));
    } else if (child == ChildStatus.PRESUMED) {
      needs.add(ProtectionNeed.CHILD_PROTECTION);
      reasons.add(Reason.of(ReasonCode.NEED_PRESUMED_CHILD, presumptionGround));
    }
    if (unaccompanied || separated) {
      needs.add(ProtectionNeed.CHILD_PROTECTION);
      needs.add(ProtectionNeed.GUARDIANSHIP);
      reasons.add(Reason.of(ReasonCode.NEED_GUARDIAN_UNACCOMPANIED));
    }
    if (child != null
        && child.treatedAsChild()
        && Boolean.TRUE.equals(exploiterIsParentOrCaregiver)) {
      needs.add(ProtectionNeed.GUARDIANSHIP);
      reasons.add(Reason.of(ReasonCode.NEED_GUARDIAN_PARENT_EXPLOITER));
    }
    // A child victim, or a person presumed one (CETS 197 art. 10(3)), whose care by a holder of
    // parental responsibility is not reported needs a guardian or representative from the moment
    // trafficking is indicated (CETS 197 art. 10(4); Directive 2011/36/EU arts. 14(2), 16(3)).
    boolean reportedInCare =
        Boolean.FALSE.equals(circumstances.unaccompaniedChild())
            && Boolean.FALSE.equals(circumstances.separatedChild());
    if (child != null
        && child.treatedAsChild()
        && traffickingIndicated
        && !unaccompanied
        && !separated
        && !reportedInCare) {
      needs.add(ProtectionNeed.GUARDIANSHIP);
      reasons.add(Reason.of(ReasonCode.NEED_GUARDIAN_CHILD_VICTIM));
    }
    if (Boolean.TRUE.equals(circumstances.seekingInternationalProtection())) {
      needs.add(ProtectionNeed.INTERNATIONAL_PROTECTION);
      reasons.add(Reason.of(ReasonCode.NEED_INTERNATIONAL_PROTECTION));
    }
    Set<ProtectionNeed> fromIndicators = EnumSet.noneOf(ProtectionNeed.class);
    List<String> codes = new ArrayList<>();
    for (String code : new TreeSet<>(circumstances.indicators())) {
      catalogue
          .indicator(code)
          .map(Indicator::needs)
          .filter(n -> !n.isEmpty())
          .ifPresent(
              n -> {
                fromIndicators.addAll(n);
                codes.add(code);
              });
    }
    if (!fromIndicators.isEmpty()) {
      needs.addAll(fromIndicators);
      reasons.add(
          Reason.of(
              ReasonCode.NEED_FROM_INDICATORS, Codes.join(codes), Codes.join(fromIndicators)));
    }
    if (traffickingIndicated) {
      needs.addAll(ASSISTANCE_BASELINE);
      reasons.add(Reason.of(ReasonCode.NEED_ASSISTANCE_BASELINE));
    } else if (elementsMetWhileUndetermined != null && !elementsMetWhileUndetermined.isEmpty()) {
      // CETS 197 art. 10(2), 12(1)-(2); Directive 2011/36/EU art. 11(2): assistance is owed from
      // the moment there are reasonable grounds to believe the person is a victim, before the
      // identification ends; an element reported and none ruled out is referred on, not dropped.
      needs.addAll(ASSISTANCE_BASELINE);
      reasons.add(
          Reason.of(
              ReasonCode.NEED_ASSISTANCE_PENDING_IDENTIFICATION, elementsMetWhileUndetermined));
    }
    if (Boolean.TRUE.equals(lifeOrSafetyEndangered)) {
      needs.add(ProtectionNeed.MEDICAL);
      needs.add(ProtectionNeed.SAFE_ACCOMMODATION);
      reasons.add(Reason.of(ReasonCode.NEED_SOM_ENDANGERED));
    }
    if (Boolean.TRUE.equals(inhumanOrDegradingTreatment)) {
      // Smuggling Protocol art. 16(1)-(3): protection of the rights of migrants who were the
      // object of art. 6 conduct, here inhuman or degrading treatment (art. 6(3)(b)), against
      // violence, and assistance to those whose life or safety is endangered.
      needs.add(ProtectionNeed.MEDICAL);
      needs.add(ProtectionNeed.SAFE_ACCOMMODATION);
      reasons.add(Reason.of(ReasonCode.NEED_SOM_DEGRADING_TREATMENT));
    }
    needs.addAll(derive(circumstances));
    return new Derived(needs, reasons);
  }

  /**
   * CETS 197 art. 12(1): accommodation, medical and psychological care, information,
   * interpretation.
   */
  private static final Set<ProtectionNeed> ASSISTANCE_BASELINE =
      EnumSet.of(
          ProtectionNeed.SAFE_ACCOMMODATION,
          ProtectionNeed.MEDICAL,
          ProtectionNeed.PSYCHOSOCIAL,
          ProtectionNeed.LEGAL_AID,
          ProtectionNeed.LANGUAGE_SUPPORT);

  /** The service types that meet {@code needs}. */
  public static Set<ServiceType> referralsFor(Set<ProtectionNeed> needs) {
    Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
    for (ProtectionNeed need : needs) {
      services.addAll(need.services());
    }
    return services;
  }
}
