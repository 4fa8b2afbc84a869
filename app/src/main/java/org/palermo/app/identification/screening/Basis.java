package org.palermo.app.identification.screening;

import org.palermo.app.cases.LegalBasis;

/**
 * The first page of every screening, before anything about the person: why the data may be held
 * (SECURITY.md: the legal basis beside any consent), whether the person agreed after being told the
 * purpose, uses, retention and how to withdraw (HTCDS consent guidance), and the interview language
 * and interpreter. Refuses a missing basis, and consent as the basis without the agreement.
 *
 * @param legalBasis why the data may be held
 * @param consentGiven whether the person (for a child, also the guardian where present) agreed
 * @param interviewLanguage ISO 639 code of the language the interview is held in, or null
 * @param interpreterPresent whether an interpreter is present, or null when not said
 */
public record Basis(
    LegalBasis legalBasis,
    boolean consentGiven,
    String interviewLanguage,
    Boolean interpreterPresent) {

  public Basis {
    if (legalBasis == null) {
      throw new ScreeningRefused(ScreeningRefused.Reason.LEGAL_BASIS_REQUIRED);
    }
    if (legalBasis == LegalBasis.CONSENT && !consentGiven) {
      throw new ScreeningRefused(ScreeningRefused.Reason.CONSENT_REQUIRED);
    }
    if (interviewLanguage != null && interviewLanguage.isBlank()) {
      interviewLanguage = null;
    }
    if (interviewLanguage != null && !interviewLanguage.matches("[a-z]{2,3}")) {
      throw new ScreeningRefused(ScreeningRefused.Reason.LANGUAGE_INVALID);
    }
  }
}
