package org.palermo.app.identification.web;

import org.palermo.app.access.MenuEntry;
import org.palermo.app.identification.application.IdentificationAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The menu entries of screening and identification, guarded like their pages: the screening list
 * for the roles that screen ({@link IdentificationAccess#screens}), the authority's work list for
 * competent-authority officers of an identifying authority ({@link
 * IdentificationAccess#authorityOfficer}).
 */
@Configuration(proxyBeanMethods = false)
class IdentificationMenu {

  @Bean
  MenuEntry screeningsMenuEntry() {
    return new MenuEntry("/screenings", "nav.screenings", 20, IdentificationAccess::screens);
  }

  @Bean
  MenuEntry identificationMenuEntry() {
    return new MenuEntry(
        "/identification",
        "identification.authority.title",
        30,
        IdentificationAccess::authorityOfficer);
  }
}
