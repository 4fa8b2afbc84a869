/**
 * The classification engine: {@link org.palermo.law.engine.Classifier} validates {@link
 * org.palermo.law.Facts}, fills elements from indicator evidence, applies a versioned {@link
 * org.palermo.law.engine.RuleSet}, scores Delphi indicators and derives protection needs into an
 * {@link org.palermo.law.Assessment}. This is the API the application calls.
 */
package org.palermo.law.engine;
