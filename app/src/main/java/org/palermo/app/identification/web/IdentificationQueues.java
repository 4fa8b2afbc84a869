package org.palermo.app.identification.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.WorkQueue;
import org.palermo.app.identification.application.IdentificationAccess;
import org.palermo.app.identification.application.IdentificationQueries;
import org.palermo.app.identification.application.ScreeningQueries;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identification module's work queues on the home page (issue 14 item 7): the authority's
 * decisions due, and the agency's screenings in draft. Each reads through the module's own queries,
 * which check who may read and audit the read like the lists they summarise.
 */
@Configuration(proxyBeanMethods = false)
class IdentificationQueues {

  /**
   * Decisions the competent authority owes (reasonable grounds within 5 working days, conclusive
   * after the recovery and reflection period: CETS 197 arts. 10 and 13), the soonest due first.
   */
  @Bean
  WorkQueue decisionsDueQueue(IdentificationQueries queries) {
    return new WorkQueue.Base(
        "decisionsDue",
        5,
        "/identification",
        IdentificationAccess::authorityOfficer,
        "/identification") {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        IdentificationQueries.AuthorityLists lists = queries.forAuthority(who);
        LocalDate today = lists.today();
        List<ProcedureStore.Item> open = new ArrayList<>(lists.open());
        open.sort(
            Comparator.comparing(
                ProcedureStore.Item::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return open.stream()
            .map(
                i ->
                    new Item(
                        i.referringAgency(),
                        "/screenings/" + i.screeningId() + "/identification",
                        i.dueOn(),
                        i.dueOn() != null && today.isAfter(i.dueOn()),
                        "identification.stage." + i.stage(),
                        null,
                        null))
            .toList();
      }
    };
  }

  /**
   * The agency's screenings in draft, told apart by their label ({@link
   * ScreeningQueries#draftLabels}: initials and case reference as far as the user may read them),
   * the colleague who saved last and when.
   */
  @Bean
  WorkQueue draftScreeningsQueue(ScreeningQueries queries, Clock clock) {
    return new WorkQueue.Base(
        "draftScreenings", 40, "/screenings", IdentificationAccess::screens, "/screenings") {
      /** Counted without the labels, which open names (and audit each) for the home page. */
      @Override
      public int count(PalermoPrincipal who) {
        return queries.draftCount(who);
      }

      @Override
      public List<Item> items(PalermoPrincipal who) {
        List<ScreeningStore.Summary> drafts = queries.list(who, 50).drafts();
        java.util.Map<java.util.UUID, String> labels = queries.draftLabels(who, drafts);
        return drafts.stream()
            .map(
                d ->
                    new Item(
                        labels.get(d.id()),
                        "/screenings/" + d.id(),
                        null,
                        false,
                        "home.draft.savedBy",
                        (d.updatedByName() == null ? "—" : d.updatedByName())
                            + " · "
                            + d.updatedAt().atZone(clock.getZone()).toLocalDate(),
                        null))
            .toList();
      }
    };
  }
}
