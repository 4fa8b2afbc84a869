package org.palermo.app.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The menu entries of the access module's pages, each guarded like its page. */
@Configuration(proxyBeanMethods = false)
class AccessMenu {

  @Bean
  MenuEntry homeMenuEntry() {
    return new MenuEntry("/", "nav.home", 0, who -> true);
  }

  @Bean
  MenuEntry privacyMenuEntry() {
    return new MenuEntry("/privacy", "security.privacy.title", 80, Erasures::dpo);
  }

  @Bean
  MenuEntry calendarMenuEntry() {
    return new MenuEntry(
        "/admin/calendar", "security.calendar.title", 90, CalendarAdministration::administers);
  }
}
