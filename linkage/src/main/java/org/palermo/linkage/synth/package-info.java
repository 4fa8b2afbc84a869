/**
 * A synthetic population with known truth, in the manner of FEBRL (Christen 2005, "Probabilistic
 * data generation for deduplication and data linkage") and GeCo (Tran, Vatsalan, Christen 2013,
 * "GeCo: an online personal data generator and corruptor"): persons of several origins drawn from
 * name-frequency lists with a long tail, some written in their own script (Arabic, Cyrillic,
 * Ethiopic, Devanagari, Persian), then duplicate records corrupted with typographical, OCR and
 * phonetic errors, missing values, swapped given and family names, day/month swaps, estimated birth
 * dates, alternative romanisations and changes of script. Seeded: the same seed gives the same
 * records. Nothing here is real data.
 */
package org.palermo.linkage.synth;
