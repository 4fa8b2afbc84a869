package org.palermo.app.cases;

/**
 * Why a personal record may be held (SECURITY.md: IOM Data Protection Principles, GDPR art. 6 and
 * 9). Consent is often not freely given when help depends on it, so the basis is recorded beside
 * any consent.
 */
public enum LegalBasis {
  CONSENT,
  VITAL_INTEREST,
  PUBLIC_INTEREST,
  LEGAL_OBLIGATION
}
