package org.palermo.privacy;

import org.palermo.privacy.dp.DpTable;

/**
 * A differentially private table and its sidecar metadata.
 *
 * @param table the noisy counts and the ledger entry that paid for them
 * @param metadata the sidecar
 */
public record DpTableRelease(DpTable table, ReleaseMetadata metadata) {}
