/**
 * Financial red-flag rules, plain Java (no Spring): transactions in, alerts out, each alert citing
 * the published indicator it applies (issue 17 item 2; DOMAIN.md §8). Used by the application, the
 * command line ({@code palermo finance scan}) and, at hub scale, Apache Spark.
 * docs/investigations.md describes it.
 */
package org.palermo.finance;
