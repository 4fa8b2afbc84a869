package org.palermo.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The second shared integration-test context (issue #12 §5): the one of {@link
 * PalermoIntegrationTest} with the limits and intervals that some classes lower to see them act.
 * Each of those classes used to start a context of its own (10-20 s each); they share this one,
 * since none of them is disturbed by the others' settings:
 *
 * <ul>
 *   <li>{@code palermo.cases.approval-required=CLOSE} (CaseApprovalIT): only closing a case waits
 *       for a supervisor; the other classes here close nothing;
 *   <li>{@code palermo.security.abnormal-requests-per-hour=5} (RequestVolumeIT): requests are never
 *       refused, only audited and notified per user, and each class makes its own users;
 *   <li>{@code palermo.events.redelivery-interval=1s}, {@code palermo.events.stuck-after=30s}
 *       (EventRedeliveryIT): deliveries that succeed are never redelivered;
 *   <li>{@code palermo.security.login-attempts-per-minute=3} (ForwardedHeadersIT): the only class
 *       here that signs in with a password; the others use API tokens or no account.
 * </ul>
 *
 * A class that needs a property at odds with these (a movable clock, an identity provider) keeps
 * its own context. Add to this list only settings that leave every class here undisturbed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PalermoIntegrationTest
@TestPropertySource(
    properties = {
      "palermo.cases.approval-required=CLOSE",
      "palermo.security.abnormal-requests-per-hour=5",
      "palermo.events.redelivery-interval=1s",
      "palermo.events.stuck-after=30s",
      "palermo.security.login-attempts-per-minute=3"
    })
public @interface LoweredLimitsIntegrationTest {}
