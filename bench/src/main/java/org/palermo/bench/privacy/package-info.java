/**
 * Benchmarks of the privacy engines: k-anonymisation of a million synthetic CTDC records; results
 * are recorded in bench/privacy.md.
 */
package org.palermo.bench.privacy;
