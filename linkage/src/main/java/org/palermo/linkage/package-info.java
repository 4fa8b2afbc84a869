/**
 * Record linkage, plain Java (no Spring): probabilistic matching of person records and
 * privacy-preserving linkage on encodings (issue 16). Used by the application, the command line
 * ({@code palermo link}) and, at hub scale, Apache Spark. docs/linkage.md describes it.
 */
package org.palermo.linkage;
