/**
 * Privacy-preserving record linkage on Bloom-filter encodings (cryptographic long-term keys, CLK),
 * after Schnell, Bachteler and Reiher (2009), "Privacy-preserving record linkage using Bloom
 * filters", BMC Medical Informatics and Decision Making 9:41. Each party encodes its records
 * locally with a secret of the linkage agreement ({@link ClkEncoder}); only the encodings leave
 * ({@link EncodedFile}); matching compares bit vectors by Dice similarity ({@link ClkMatcher}) and
 * yields pairs of ids, nothing else. docs/linkage.md, "Privacy-preserving linkage", has the
 * parameters, the hardening and the threat model.
 */
package org.palermo.linkage.clk;
