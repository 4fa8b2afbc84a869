package org.palermo.app.identification.application;

import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time limits of formal identification, bound from {@code palermo.identification.*}. Working days
 * are Monday to Friday; public holidays are not counted yet.
 *
 * @param reasonableGroundsWorkingDays working days from referral to the reasonable-grounds decision
 *     (default 5)
 * @param reflectionDays days of the recovery and reflection period after positive reasonable
 *     grounds (default 30)
 * @param conclusiveGroundsWorkingDays working days after that period for the conclusive decision
 *     (default 20)
 * @param reconsiderationWorkingDays working days from a request for reconsideration to the new
 *     decision (default 20)
 * @param positiveConclusiveDuringReflection whether a positive conclusive-grounds decision may be
 *     taken before the recovery and reflection period ends (default false; a negative one never
 *     may, CETS 197 art. 13(1))
 */
@ConfigurationProperties("palermo.identification")
public record IdentificationProperties(
    Integer reasonableGroundsWorkingDays,
    Integer reflectionDays,
    Integer conclusiveGroundsWorkingDays,
    Integer reconsiderationWorkingDays,
    Boolean positiveConclusiveDuringReflection) {

  public IdentificationProperties {
    DeadlinePolicy d = DeadlinePolicy.DEFAULT;
    reasonableGroundsWorkingDays =
        reasonableGroundsWorkingDays == null
            ? d.reasonableGroundsWorkingDays()
            : reasonableGroundsWorkingDays;
    reflectionDays = reflectionDays == null ? d.reflectionDays() : reflectionDays;
    conclusiveGroundsWorkingDays =
        conclusiveGroundsWorkingDays == null
            ? d.conclusiveGroundsWorkingDays()
            : conclusiveGroundsWorkingDays;
    reconsiderationWorkingDays =
        reconsiderationWorkingDays == null
            ? d.reconsiderationWorkingDays()
            : reconsiderationWorkingDays;
    positiveConclusiveDuringReflection =
        positiveConclusiveDuringReflection != null && positiveConclusiveDuringReflection;
  }

  /** The deadlines these settings give; refuses a limit below one day. */
  public DeadlinePolicy policy() {
    return new DeadlinePolicy(
        reasonableGroundsWorkingDays,
        reflectionDays,
        conclusiveGroundsWorkingDays,
        reconsiderationWorkingDays,
        positiveConclusiveDuringReflection);
  }
}
