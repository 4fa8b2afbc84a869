package org.palermo.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The Spring Boot application. Each direct sub-package is a Spring Modulith application module (see
 * docs/architecture.md); {@link org.palermo.app.cli.Palermo} is the command-line entry point that
 * starts it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class PalermoApplication {}
