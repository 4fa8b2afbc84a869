/**
 * Indicator catalogues as versioned data files: the eleven ILO forced-labour indicators and the
 * four ILO–EC Delphi lists, each item with its provenance, rating, the Protocol elements it
 * evidences and the protection needs it suggests; and the strict loader that reads them.
 */
package org.palermo.law.indicator;
