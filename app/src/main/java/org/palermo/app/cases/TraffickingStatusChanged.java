package org.palermo.app.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published when a person's derived {@link TraffickingStatus} changes (a screening classified or a
 * decision taken), for the statistics read model. No personal data: the cases of the person and the
 * status.
 *
 * @param caseIds the cases of the person
 * @param status the status now
 * @param at when the evidence that set it was recorded; an older event never overwrites a newer one
 */
public record TraffickingStatusChanged(List<UUID> caseIds, TraffickingStatus status, Instant at) {
  public TraffickingStatusChanged {
    caseIds = List.copyOf(caseIds);
    if (status == null || at == null) {
      throw new IllegalArgumentException("status and time are required");
    }
  }
}
