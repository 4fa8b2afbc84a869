package org.palermo.app.cases.application;

import java.util.List;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.CaseTimeline.Entry;
import org.springframework.stereotype.Service;

/** The timeline of a case, for users who may read its case narrative. Reads are audited. */
@Service
public class CaseHistory {
  private final CaseWork work;
  private final CaseTimeline timeline;
  private final CaseAudit audit;

  CaseHistory(CaseWork work, CaseTimeline timeline, CaseAudit audit) {
    this.work = work;
    this.timeline = timeline;
    this.audit = audit;
  }

  public List<Entry> of(PalermoPrincipal who, UUID caseId) {
    work.readable(who, caseId);
    audit.caseAction(who, "cases.timeline.read", caseId, "");
    return timeline.entries(caseId);
  }
}
