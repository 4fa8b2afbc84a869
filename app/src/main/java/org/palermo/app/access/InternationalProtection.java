package org.palermo.app.access;

import java.util.UUID;

/**
 * Whether the person of a case seeks or has international protection (an asylum seeker, a refugee
 * or a beneficiary of complementary protection): what the consular bar of break-the-glass and of
 * disclosures reads from the module that owns persons ({@code cases}), instead of its tables (issue
 * #12 §2). Such a person's data never goes to a consulate or embassy, which may represent the state
 * they fled (Directive 2013/32/EU art. 30; 1951 Convention art. 33).
 */
public interface InternationalProtection {
  /** Unaudited and unchecked: for the access rules only. */
  boolean seeksOrHasInternationalProtection(UUID caseId);
}
