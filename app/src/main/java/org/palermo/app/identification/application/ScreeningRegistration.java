package org.palermo.app.identification.application;

import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.RegistrationSource;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningStatus;
import org.palermo.law.Facts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A completed screening as the start of a registration (issue #14 item 11): its answers prefill the
 * person's record, and the new case is linked to it. The read goes through {@link
 * ScreeningQueries#result}, so it is the owner's agency only, and audited.
 */
@Service
class ScreeningRegistration implements RegistrationSource {
  private final ScreeningQueries queries;
  private final LinkScreeningToCase link;

  ScreeningRegistration(ScreeningQueries queries, LinkScreeningToCase link) {
    this.queries = queries;
    this.link = link;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Answers> answers(PalermoPrincipal who, UUID screeningId) {
    ScreeningQueries.Detail detail = queries.get(who, screeningId);
    Screening s = detail.screening();
    if (s.status() != ScreeningStatus.COMPLETED || !detail.owner() || s.caseId() != null) {
      return Optional.empty();
    }
    Facts f = queries.result(who, screeningId).facts();
    Boolean alone =
        Boolean.TRUE.equals(f.unaccompaniedChild()) || Boolean.TRUE.equals(f.separatedChild())
            ? Boolean.TRUE
            : null;
    return Optional.of(
        new Answers(
            screeningId,
            f.age(),
            f.ageDisputed(),
            s.basis().interviewLanguage(),
            s.basis().interpreterPresent(),
            s.basis().legalBasis(),
            f.purposes(),
            f.means(),
            alone,
            f.nationalOrPermanentResidentOfDestination(),
            f.entryIrregular(),
            f.seekingInternationalProtection()));
  }

  @Override
  public void registered(PalermoPrincipal who, UUID screeningId, String caseReference) {
    link.link(who, new LinkScreeningToCase.Command(screeningId, caseReference));
  }
}
