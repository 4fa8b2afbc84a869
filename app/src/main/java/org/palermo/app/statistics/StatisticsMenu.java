package org.palermo.app.statistics;

import org.palermo.app.access.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's menu entry, guarded like the dashboard ({@link StatisticsAccess}). */
@Configuration(proxyBeanMethods = false)
class StatisticsMenu {

  @Bean
  MenuEntry statisticsMenuEntry() {
    return new MenuEntry("/statistics", "nav.statistics", 50, StatisticsAccess::seesDashboard);
  }
}
