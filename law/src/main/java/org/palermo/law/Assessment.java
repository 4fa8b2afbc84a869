package org.palermo.law;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The output of the classification engine for one person: the two independent legal findings, the
 * Delphi indicator scoring (null when no indicators were given), and protection needs and referrals
 * that never depend on a finding. {@code ruleSet} names the rules that produced it.
 */
public record Assessment(
    String id,
    String ruleSet,
    ChildStatus child,
    TraffickingAssessment trafficking,
    SmugglingAssessment smuggling,
    DelphiAssessment delphi,
    Set<ProtectionNeed> protectionNeeds,
    Set<ServiceType> recommendedReferrals,
    List<Reason> protectionReasons,
    List<Problem> warnings) {

  public Assessment {
    protectionReasons = List.copyOf(protectionReasons);
    warnings = List.copyOf(warnings);
    protectionNeeds = frozen(protectionNeeds, ProtectionNeed.class);
    recommendedReferrals = frozen(recommendedReferrals, ServiceType.class);
  }

  private static <E extends Enum<E>> Set<E> frozen(Set<E> values, Class<E> type) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }

  /** A plain-language explanation with stable message keys, in {@code locale} where available. */
  public Explanation explain(Locale locale) {
    return Explanation.of(this, locale);
  }
}
