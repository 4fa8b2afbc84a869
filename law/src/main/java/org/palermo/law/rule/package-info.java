/**
 * The rule framework: a {@link org.palermo.law.rule.Rule} judges facts in three-valued logic and
 * returns a {@link org.palermo.law.rule.Verdict} with reasons; {@code all} and {@code any} combine
 * rules. The legal rules themselves live in the {@code trafficking} and {@code smuggling} packages.
 */
package org.palermo.law.rule;
