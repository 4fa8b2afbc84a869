package org.palermo.app.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares: the clock that all deadlines and timestamps read. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** Injected wherever time matters, so that tests can fix it (CONVENTIONS.md §7). */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
