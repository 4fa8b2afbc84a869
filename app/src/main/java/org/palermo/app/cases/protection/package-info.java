/**
 * Child safeguards, return and reintegration, and residence inside the {@code cases} module:
 * guardian appointments and best-interests assessments and determinations (CRC art. 3; CRC General
 * Comment No. 6 §§ 21, 33, 79–89), returns that need a documented non-refoulement risk assessment
 * (1951 Convention art. 33; Palermo Protocol art. 8; CoE Convention art. 16), the voluntariness of
 * an assisted voluntary return, a reintegration plan with follow-ups, and residence permits and the
 * recovery and reflection period with reminders before expiry (Palermo Protocol art. 7; CoE
 * Convention arts. 13, 14).
 *
 * <p>Exposed as the named interface {@code protection} so that the referral module can ask for a
 * child's best-interests determination ({@link org.palermo.app.cases.protection.ChildSafeguards}).
 */
@org.springframework.modulith.NamedInterface("protection")
package org.palermo.app.cases.protection;
