package org.palermo.app.identification.application;

import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.law.engine.Classifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The interview over the classifier's catalogue, and the identification deadlines. */
@Configuration(proxyBeanMethods = false)
class IdentificationConfiguration {

  @Bean
  Questionnaire questionnaire(Classifier classifier) {
    return Questionnaire.of(classifier.catalogue());
  }

  @Bean
  DeadlinePolicy deadlinePolicy(IdentificationProperties properties) {
    return properties.policy();
  }
}
