package org.palermo.law.engine;

import java.util.EnumSet;
import java.util.Set;
import org.palermo.law.AggravatingCircumstance;
import org.palermo.law.ElementStatus;
import org.palermo.law.Elements;
import org.palermo.law.Facts;
import org.palermo.law.Finding;

/**
 * A legal vignette: a short case written from the Protocol text, the article that decides it (in
 * its name), and the expected outcome. Null expectations are not checked.
 */
final class Vignette {
  final String name;
  final Facts facts;
  Finding trafficking;
  Finding smuggling;
  Elements elements;
  Set<AggravatingCircumstance> aggravating;
  Boolean nonCriminalisation;
  boolean nonCriminalisationChecked;
  String reason;

  private Vignette(String name, Facts facts) {
    this.name = name;
    this.facts = facts;
  }

  static Vignette of(String name, Facts.Builder facts) {
    return new Vignette(name, facts.build());
  }

  Vignette trafficking(Finding finding) {
    trafficking = finding;
    return this;
  }

  Vignette smuggling(Finding finding) {
    smuggling = finding;
    return this;
  }

  Vignette elements(ElementStatus act, ElementStatus means, ElementStatus purpose) {
    elements = new Elements(act, means, purpose);
    return this;
  }

  Vignette aggravating(AggravatingCircumstance... circumstances) {
    aggravating = EnumSet.noneOf(AggravatingCircumstance.class);
    aggravating.addAll(Set.of(circumstances));
    return this;
  }

  Vignette nonCriminalisation(Boolean value) {
    nonCriminalisation = value;
    nonCriminalisationChecked = true;
    return this;
  }

  /** A reason code that must appear in the trafficking or smuggling reasons. */
  Vignette because(String reasonCode) {
    reason = reasonCode;
    return this;
  }

  @Override
  public String toString() {
    return name;
  }
}
