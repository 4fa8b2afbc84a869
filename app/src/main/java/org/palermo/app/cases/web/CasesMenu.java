package org.palermo.app.cases.web;

import org.palermo.app.access.MenuEntry;
import org.palermo.app.cases.CaseList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The case list's menu entry, guarded like the list ({@link CaseList#lists}). */
@Configuration(proxyBeanMethods = false)
class CasesMenu {

  @Bean
  MenuEntry casesMenuEntry() {
    return new MenuEntry("/cases", "nav.cases", 10, CaseList::lists);
  }
}
