/**
 * The law of the Palermo Protocols as code. This package holds the contract: the input {@link
 * org.palermo.law.Facts}, the output {@link org.palermo.law.Assessment} with its parts and reasons,
 * the vocabularies (acts, means, purposes, findings, needs, services, Delphi lists), and the {@link
 * org.palermo.law.Explanation} API. The engine is {@link org.palermo.law.engine.Classifier}; the
 * rules live in {@code trafficking} (Trafficking Protocol art. 3) and {@code smuggling} (Smuggling
 * Protocol art. 3, 5 and 6). Plain Java, no framework.
 */
package org.palermo.law;
