/**
 * Identification: the classification contract (the same JSON for {@code palermo classify} and
 * {@code POST /api/v1/assessments/classify}) over the {@code law} engine; the screening interview
 * ({@code screening}: questions from the catalogue, answers to facts), saved as a draft after every
 * page and completed with a stored, explained assessment; and formal identification by a competent
 * authority ({@code procedure}: referral, reasonable-grounds and conclusive-grounds decisions,
 * deadlines, the recovery and reflection period). Use cases live in {@code application}, tables in
 * {@code persistence}, pages and the {@code /api/v1/screenings} API in {@code web}
 * (docs/identification.md). Publishes {@link org.palermo.app.identification.IdentificationDecided}
 * for the statistics read model, and reports each procedure's stage to {@code
 * cases.protection.IdentificationProgress} for the person's one protection status.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "access", "audit", "cases", "cases :: protection"})
package org.palermo.app.identification;
