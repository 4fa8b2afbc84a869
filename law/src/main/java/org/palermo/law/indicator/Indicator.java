package org.palermo.law.indicator;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.palermo.law.Dimension;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.Rating;

/**
 * One indicator: its code, list, Delphi dimension and rating (null for the ILO list), provenance
 * ({@code secondary} or {@code recollection} until verified), the elements it evidences, the needs
 * it suggests, its paraphrased label, a note on doubts (or null), and why it evidences those
 * elements and no others ({@code evidenceReason}; from palermo-indicators/1.1.0, null before).
 */
public record Indicator(
    String code,
    String list,
    Dimension dimension,
    Rating rating,
    String provenance,
    ElementEvidence evidences,
    Set<ProtectionNeed> needs,
    String label,
    String note,
    String evidenceReason) {

  public Indicator {
    EnumSet<ProtectionNeed> copy = EnumSet.noneOf(ProtectionNeed.class);
    copy.addAll(needs);
    needs = Collections.unmodifiableSet(copy);
  }
}
