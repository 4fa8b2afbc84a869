/**
 * The privacy-budget ledger: what each differentially private release of a dataset spent, summed
 * exactly in decimal, and the refusal of any release that would exceed the dataset's budget. The
 * storage is an interface: an in-memory store here, a database store in the application.
 */
package org.palermo.privacy.ledger;
