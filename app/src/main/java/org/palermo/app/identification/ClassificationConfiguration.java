package org.palermo.app.identification;

import org.palermo.law.engine.Classifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The classification engine with the standard rule set and catalogues. */
@Configuration(proxyBeanMethods = false)
class ClassificationConfiguration {

  @Bean
  Classifier classifier() {
    return Classifier.standard();
  }

  @Bean
  ClassificationContract classificationContract(Classifier classifier) {
    return new ClassificationContract(classifier);
  }
}
