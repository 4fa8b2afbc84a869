package org.palermo.app.platform;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares: the clock that all deadlines and timestamps read. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /**
   * Injected wherever time matters, so that tests can fix it (CONVENTIONS.md §7). Its zone is the
   * instance's time zone, {@code palermo.time-zone} (default: the JVM's zone), so that "today" and
   * the date of every deadline ({@code LocalDate.now(clock)}) are the instance's dates, not UTC's.
   */
  @Bean
  Clock clock(@Value("${palermo.time-zone:}") String timeZone) {
    return Clock.system(zone(timeZone));
  }

  static ZoneId zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(timeZone.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "palermo.time-zone is not a time zone (for example Europe/Rome or UTC): " + timeZone, e);
    }
  }
}
