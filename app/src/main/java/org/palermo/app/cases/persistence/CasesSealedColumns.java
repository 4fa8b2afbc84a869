package org.palermo.app.cases.persistence;

import org.palermo.app.platform.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The free text of the {@code cases} root tables sealed at rest (V17; issue 5 §4): the description
 * of a journey event (what the person told of recruitment, transit or exploitation), under the
 * person's data key like the person's names. Left plain: the event type, date, city and country
 * (HTCDS location fields the statistics count), and task titles (case work, read on the agency's
 * overdue dashboard across cases; the caseworker is told not to put the person's story there).
 */
@Configuration(proxyBeanMethods = false)
class CasesSealedColumns {
  @Bean
  SealedColumn journeyEventDescription() {
    return new SealedColumn("journey_event", "description", "t.person_id", "t.id::text");
  }

  /** The purpose of processing, free text about one person (V19_41; issue #11 item 12). */
  @Bean
  SealedColumn personPurpose() {
    return new SealedColumn("person", "purpose", "t.id", "t.id::text");
  }

  /** The recruitment city (V19_41): with date and citizenship it can point at the person. */
  @Bean
  SealedColumn personRecruitmentCity() {
    return new SealedColumn("person", "recruitment_city", "t.id", "t.id::text");
  }
}
