/**
 * k-anonymisation of CTDC microdata: generalisation hierarchies for the quasi-identifiers, an
 * exhaustive full-domain search of the generalisation lattice with a record-suppression limit, and
 * the normalised certainty penalty that picks the release with the least information loss.
 */
package org.palermo.privacy.kanon;
