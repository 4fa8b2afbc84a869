/**
 * Statistical disclosure control for releases of victim data. {@link
 * org.palermo.privacy.PrivacyReleases} is the entry point: k-anonymous CTDC microdata, aggregate
 * tables with small-cell suppression and rounding, and differentially private tables charged to a
 * privacy-budget ledger; each release comes with {@link org.palermo.privacy.ReleaseMetadata} for
 * its JSON sidecar. Plain Java, no framework.
 */
package org.palermo.privacy;
