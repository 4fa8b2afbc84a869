/**
 * JMH benchmarks of the classification engine of module law; results are recorded in bench/law.md.
 */
package org.palermo.bench.law;
