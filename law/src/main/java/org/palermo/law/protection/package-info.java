/**
 * Protection needs and recommended referrals, derived from the person's circumstances and
 * indicators only. This package never sees the legal facts or findings, so assistance cannot depend
 * on a finding.
 */
package org.palermo.law.protection;
