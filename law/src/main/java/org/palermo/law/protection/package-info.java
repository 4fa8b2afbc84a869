/**
 * Protection needs and recommended referrals. Under palermo-rules/1.0.0 they are derived from the
 * person's circumstances and indicators only, never from the legal facts or findings. From 1.1.0
 * they follow the person: a finding or a reported danger can add needs (the assistance baseline
 * when trafficking is indicated, Smuggling Protocol art. 16(3) assistance), but no finding ever
 * takes a need away.
 */
package org.palermo.law.protection;
