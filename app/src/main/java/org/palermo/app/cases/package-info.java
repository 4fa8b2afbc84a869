/**
 * Persons and their cases. This first shape holds a person's names (in any script, with a Latin
 * transliteration for search), date of birth, gender, citizenships and languages, the legal basis
 * and purpose of the record, and a case with its status and owning agency.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"platform", "access", "audit"})
package org.palermo.app.cases;
