package org.palermo.app.platform.crypto;

import org.palermo.app.platform.PalermoProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key ring of this instance, from the environment or {@code <data-dir>/keys}. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {
  @Bean
  KeyRing keyRing(PalermoProperties properties, @Value("${palermo.master-key:}") String envKey) {
    return KeyRing.open(properties.dataDir().resolve("keys"), envKey);
  }
}
