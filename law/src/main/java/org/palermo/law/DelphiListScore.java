package org.palermo.law;

import java.util.List;

/**
 * The Delphi result of one list: the six dimension scores, whether the list's combination rule is
 * met ({@code positive}), the class, the rule applied, and whether the list awaits verification
 * against the ILO publication.
 */
public record DelphiListScore(
    DelphiList list,
    boolean pendingVerification,
    List<DimensionScore> dimensions,
    boolean positive,
    DelphiClass result,
    String rule) {

  public DelphiListScore {
    dimensions = List.copyOf(dimensions);
  }

  /** The score of one dimension. */
  public DimensionScore dimension(Dimension dimension) {
    return dimensions.get(dimension.ordinal());
  }
}
