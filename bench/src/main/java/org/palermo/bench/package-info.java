/** JMH benchmarks of the framework-free engines; results are recorded in bench/README.md. */
package org.palermo.bench;
