package org.palermo.law.indicator;

import org.palermo.law.DelphiList;

/**
 * One list of the catalogue (the ILO forced-labour list or a Delphi list), with the publication it
 * comes from, its provenance, and whether it still awaits verification against that publication.
 */
public record IndicatorList(
    String id, String prefix, boolean pendingVerification, String source, String provenance) {

  /** Id of the eleven ILO forced-labour indicators. */
  public static final String ILO_FORCED_LABOUR = "ILO_FORCED_LABOUR";

  /** The Delphi list this is, or null for the ILO forced-labour list. */
  public DelphiList delphi() {
    return ILO_FORCED_LABOUR.equals(id) ? null : DelphiList.valueOf(id);
  }
}
