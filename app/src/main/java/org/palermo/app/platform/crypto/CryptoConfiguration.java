package org.palermo.app.platform.crypto;

import org.palermo.app.platform.PalermoProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key ring of this instance, from the environment or {@code <data-dir>/keys}. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {
  @Bean
  KeyRing keyRing(
      PalermoProperties properties,
      @Value("${palermo.master-key:}") String envKey,
      @Value("${palermo.master-key-previous:}") String previousKeys) {
    return KeyRing.open(properties.dataDir().resolve("keys"), envKey, previousKeys);
  }

  /**
   * The server refuses to start (before it listens) when some data key is wrapped by a master key
   * it does not hold, e.g. started with a new {@code PALERMO_MASTER_KEY} but without the old one in
   * {@code PALERMO_MASTER_KEY_PREVIOUS}: better no server than one whose records fail to open one
   * by one. Commands ({@code palermo keys status}, {@code keys rotate}) still start, to say so.
   */
  @Bean
  @ConditionalOnWebApplication
  SmartInitializingSingleton masterKeyCheck(KeyRotation rotation) {
    return rotation::requireEveryKeyLoaded;
  }
}
