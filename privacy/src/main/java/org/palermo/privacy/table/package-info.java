/**
 * Aggregate tables released with small-cell suppression: primary suppression of counts below a
 * threshold, complementary suppression so that no suppressed cell can be recovered from the
 * published cells and row, column and grand totals, and rounding of what is published.
 */
package org.palermo.privacy.table;
