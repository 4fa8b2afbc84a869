package org.palermo.app.cases;

import java.util.UUID;
import org.palermo.app.access.AgencyType;

/**
 * Published when a case moves to another agency (issue 12 §3), so that the statistics count it
 * under its new owner's agency type. {@code caseVersion} is the case record's version after the
 * move: a read model applies the event only over an older one, so a late event never undoes a later
 * transfer. No agency name or id, only its type.
 *
 * @param caseId the case's opaque identifier
 * @param caseVersion the case record's version after the transfer (higher is newer)
 * @param ownerAgencyType the type of the agency that now owns the case
 */
public record CaseTransferred(UUID caseId, long caseVersion, AgencyType ownerAgencyType) {

  public CaseTransferred {
    if (caseId == null || ownerAgencyType == null) {
      throw new IllegalArgumentException("case id and agency type are required");
    }
  }
}
