package org.palermo.privacy;

import org.palermo.privacy.table.TableProtection;

/**
 * An aggregate table released with small-cell suppression and rounding, and its sidecar metadata.
 *
 * @param table the published cells and totals
 * @param metadata the sidecar
 */
public record TableRelease(TableProtection table, ReleaseMetadata metadata) {}
