/**
 * Statistics: a read model of registered victims fed only by the cases module's {@link
 * org.palermo.app.cases.PersonRegistered} events (never the case tables), imported CTDC reference
 * datasets, and privacy-safe releases through the {@code privacy} engines with a privacy-budget
 * ledger per dataset. Exposes {@link org.palermo.app.statistics.Releases} and {@link
 * org.palermo.app.statistics.ReferenceDatasets}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "cases", "audit", "access"})
package org.palermo.app.statistics;
