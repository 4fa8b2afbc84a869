/**
 * The CTDC (Counter-Trafficking Data Collaborative) microdata layout: a typed record of one victim,
 * its vocabularies, and a CSV reader and writer that follow the column names of the CTDC
 * k-anonymised global dataset, accepting the 32-character truncated spellings on import.
 */
package org.palermo.privacy.ctdc;
