package org.palermo.app.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that runs {@link Retention} daily. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {}
