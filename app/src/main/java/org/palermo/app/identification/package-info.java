/**
 * Identification: the classification contract (the same JSON for {@code palermo classify} and
 * {@code POST /api/v1/assessments/classify}) over the {@code law} engine. The screening interview
 * and formal identification decisions join this module with their issue.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "access", "audit"})
package org.palermo.app.identification;
