/** JMH benchmark of the financial red-flag rule library (bench/finance.md). */
package org.palermo.bench.finance;
