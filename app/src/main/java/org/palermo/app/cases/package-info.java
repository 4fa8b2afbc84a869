/**
 * Persons and their cases (docs/cases.md). The root package is the public API other modules use:
 * {@code CaseRecords.register} (publishes {@code PersonRegistered}), {@code CaseLookup}, {@code
 * CaseTimeline}, {@code CaseOwnership} (the OWNER/SUPERVISOR relationship source), {@code
 * CaseList}, {@code Names} and the status enums. Inside: {@code domain} (the lifecycle aggregate
 * {@code CaseFile}, HTCDS vocabularies, the field-group mapping, the search-before-create rule),
 * {@code application} (use cases, each asking {@code access.AccessPolicy} first), {@code
 * persistence} (tables) and {@code web} (pages and {@code /api/v1/persons}, {@code /api/v1/cases}).
 * {@code care} and {@code protection} hold the case content and child protection, return and
 * residence.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "access", "audit"})
package org.palermo.app.cases;
