package org.palermo.app.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.WorkQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The referral module's work queue on the home page (issue 14 item 7): referrals sent to the user's
 * agency that wait for its answer, read through the inbox (same roles, same audit entry). A row
 * names the case by its reference, the service and the sender: never the person.
 */
@Configuration(proxyBeanMethods = false)
class ReferralQueues {

  @Bean
  WorkQueue referralsWaitingQueue(ReferralQueries queries, Clock clock) {
    return new WorkQueue.Base("referralsWaiting", 30, "/referrals", CaseRoles::has, "/referrals") {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        return queries.inbox(who, 0, 100).incoming().stream()
            .filter(i -> i.status() == ReferralStatus.PENDING)
            .map(
                i -> {
                  LocalDate due =
                      i.dueAt() == null ? null : i.dueAt().atZone(clock.getZone()).toLocalDate();
                  return new Item(
                      (i.caseReference() == null ? "—" : i.caseReference())
                          + " · "
                          + i.fromAgency(),
                      "/referrals/" + i.id(),
                      due,
                      i.overdue(),
                      "referral.serviceType." + i.serviceType(),
                      null,
                      null);
                })
            .toList();
      }
    };
  }
}
