package org.palermo.app.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published when a service is recorded as delivered on a case. Statistical attributes only (for the
 * referral-performance indicators): no names, no notes.
 *
 * @param deliveryId the service's own id (issue 12 §3: two services of one type on one day to one
 *     case are two services); {@code null} only in events published before it existed
 * @param caseId the case's opaque identifier
 * @param serviceType a {@code directory.ServiceType} name
 * @param deliveredOn the day the service was delivered
 * @param providerAgencyId the agency that delivered it, {@code null} if outside Palermo
 * @param providerAgencyType that agency's type, {@code null} if outside Palermo
 */
public record ServiceDelivered(
    UUID deliveryId,
    UUID caseId,
    String serviceType,
    LocalDate deliveredOn,
    UUID providerAgencyId,
    String providerAgencyType) {

  public ServiceDelivered {
    if (caseId == null || serviceType == null || deliveredOn == null) {
      throw new IllegalArgumentException("case, service type and day are required");
    }
  }
}
