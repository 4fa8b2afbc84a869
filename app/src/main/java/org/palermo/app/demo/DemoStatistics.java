package org.palermo.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.palermo.app.statistics.Populations;
import org.springframework.stereotype.Component;

/**
 * Demo population figures for the fictional countries XA to XE (2024 to 2026), so that the demo
 * dashboard shows SDG 16.2.2 rates. Made up, plausible in size; imported through the statistics
 * module's own import, as an operator would with {@code palermo stats import-population}.
 */
@Component
class DemoStatistics {
  static final String RESOURCE = "/demo/population-xa-xe.csv";
  private final Populations populations;

  DemoStatistics(Populations populations) {
    this.populations = populations;
  }

  void seed() {
    try (InputStream in = DemoStatistics.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      populations.importCsv(in, "population-xa-xe.csv", "cli");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
