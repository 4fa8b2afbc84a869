package org.palermo.app.cases;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.law.Means;
import org.palermo.law.Purpose;

/**
 * What another module already learnt about a person, offered to the registration form so that
 * nothing is retyped (issue #14 item 11): a completed screening's answers. The cases module
 * declares this; the identification module answers it (its reads are checked and audited there).
 * Every answer may be {@code null} (not asked, or "don't know").
 */
public interface RegistrationSource {

  /** The answers of a completed screening, as the registration form takes them over. */
  record Answers(
      UUID screeningId,
      Integer age,
      Boolean ageDisputed,
      String language,
      Boolean interpreter,
      LegalBasis legalBasis,
      Set<Purpose> purposes,
      Set<Means> means,
      Boolean unaccompaniedOrSeparated,
      Boolean national,
      Boolean entryIrregular,
      Boolean seekingProtection) {}

  /**
   * The answers of screening {@code screeningId} for {@code who}; empty when this source does not
   * know the screening or it cannot be registered from (not completed, or already linked to a
   * case). Refuses (403/404) when {@code who} may not read it.
   */
  Optional<Answers> answers(PalermoPrincipal who, UUID screeningId);

  /** The person of the screening was registered in case {@code caseReference}: link them. */
  void registered(PalermoPrincipal who, UUID screeningId, String caseReference);
}
