package org.palermo.app.directory.web;

import org.palermo.app.access.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public service directory's menu entry: open to everybody, like the directory. */
@Configuration(proxyBeanMethods = false)
class DirectoryMenu {

  @Bean
  MenuEntry directoryMenuEntry() {
    return new MenuEntry("/directory", "nav.directory", 60, who -> true);
  }
}
