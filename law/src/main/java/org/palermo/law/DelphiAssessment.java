package org.palermo.law;

import java.util.List;

/**
 * Delphi indicator scoring, reported beside the legal findings: {@code notice} says it is an
 * indicator screening and not a legal determination. One entry per list any indicator came from.
 */
public record DelphiAssessment(
    String catalogueVersion, String notice, List<DelphiListScore> lists) {

  /** The notice every Delphi result carries. */
  public static final String NOTICE =
      "Indicators only: a screening aid, not a legal determination of trafficking.";

  public DelphiAssessment {
    lists = List.copyOf(lists);
  }
}
