package org.palermo.app.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.care.CareServiceType;
import org.palermo.app.cases.care.ServicesDelivered;
import org.springframework.stereotype.Service;

/**
 * For the referral module: the recipient of a referral records the service it delivered, which
 * reaches the case's services list and, through {@link ServiceDelivered}, the statistics (issue #14
 * item 14). The caller has checked that {@code who} works for the recipient agency of a referral of
 * the case in force (accepted, or completed and kept); the recipient reads nothing of the case
 * here.
 */
@Service
public class ReferredServices {
  private final ServicesDelivered services;

  ReferredServices(ServicesDelivered services) {
    this.services = services;
  }

  /**
   * Records {@code serviceType} (a {@code directory.ServiceType} name) delivered on {@code
   * deliveredOn} by the recipient's agency, with an optional note sealed like case text.
   */
  public UUID recordDelivered(
      PalermoPrincipal who, UUID caseId, String serviceType, LocalDate deliveredOn, String note) {
    return services.recordByRecipient(
        who,
        caseId,
        new ServicesDelivered.NewService(
            CareServiceType.valueOf(serviceType), deliveredOn, who.agencyId(), null, null, note));
  }
}
