/**
 * Trafficking in persons, Trafficking Protocol art. 3: one rule per element (act, means, purpose),
 * the child exception of art. 3(c)–(d), the consent rule of art. 3(b), and {@link
 * org.palermo.law.trafficking.TraffickingDefinition}, which combines them into the finding.
 */
package org.palermo.law.trafficking;
