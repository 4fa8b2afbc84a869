/**
 * Smuggling of migrants, Smuggling Protocol art. 3, 5 and 6: one rule per element of art. 3(a) and
 * 3(b), the aggravating circumstances of art. 6(3), the non-criminalisation rule of art. 5, and
 * {@link org.palermo.law.smuggling.SmugglingDefinition}, which combines them.
 */
package org.palermo.law.smuggling;
