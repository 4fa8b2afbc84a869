package org.palermo.app.identification.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.cases.CaseIdentificationDecisions;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.springframework.stereotype.Component;

/**
 * Answers {@link CaseIdentificationDecisions} for the printable case summary (issue #14 item 19):
 * the issued decisions of the procedures on the case's screenings, as codes, the authority's name
 * and the day each took effect. A negative decision waiting for its second reviewer is not issued
 * and not listed (it has no effect until confirmed). The cases module has asked the access policy
 * ({@code LEGAL_PROCEEDINGS}) before calling, and audits the read.
 */
@Component
class CaseDecisionLines implements CaseIdentificationDecisions {
  private final ScreeningStore screenings;
  private final ProcedureStore procedures;

  CaseDecisionLines(ScreeningStore screenings, ProcedureStore procedures) {
    this.screenings = screenings;
    this.procedures = procedures;
  }

  @Override
  public List<Line> ofCase(UUID caseId) {
    List<Line> out = new ArrayList<>();
    for (ScreeningStore.Summary s : screenings.byCase(caseId)) {
      IdentificationProcedure p = procedures.byScreening(s.id()).orElse(null);
      if (p == null) {
        continue;
      }
      Set<UUID> superseded = p.superseded();
      for (Decision d : p.decisions()) {
        if (d.issued()) {
          out.add(
              new Line(
                  d.id(),
                  d.issuedOn(),
                  d.kind().name(),
                  d.status().name(),
                  d.authorityName(),
                  superseded.contains(d.id())));
        }
      }
    }
    out.sort(Comparator.comparing(Line::issuedOn).reversed());
    return out;
  }
}
