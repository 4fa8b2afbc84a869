package org.palermo.app.referral;

import org.palermo.app.access.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referral inbox's menu entry, guarded like the inbox ({@link CaseRoles#has}). */
@Configuration(proxyBeanMethods = false)
class ReferralMenu {

  @Bean
  MenuEntry referralsMenuEntry() {
    return new MenuEntry("/referrals", "nav.referrals", 40, CaseRoles::has);
  }
}
