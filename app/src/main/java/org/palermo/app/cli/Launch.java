package org.palermo.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.palermo.app.PalermoApplication;
import org.palermo.app.platform.DataDirectoryLock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application for a command: with the web server for serve, without it otherwise. */
final class Launch {
  private Launch() {}

  /**
   * Fails fast, creating nothing, if another process holds the data directory.
   *
   * @throws org.palermo.app.platform.DataDirectoryInUseException if it is held
   */
  static void checkDataDirFree(DataOptions data) {
    java.nio.file.Path dir = data.dataDirOrDefault();
    if (java.nio.file.Files.isDirectory(dir)) {
      DataDirectoryLock.acquire(dir).close();
    }
  }

  static ConfigurableApplicationContext start(
      DataOptions data, boolean web, Map<String, Object> extra) {
    checkDataDirFree(data);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("palermo.data-dir", data.dataDirOrDefault().toString());
    if (data.databaseUrl != null) {
      props.put("palermo.database.url", data.databaseUrl);
    }
    if (!web) {
      props.put("logging.level.root", "WARN");
      props.put("logging.structured.format.console", "");
      props.put("spring.main.log-startup-info", "false");
    }
    props.putAll(extra);
    // As command-line arguments, these take precedence over application.properties.
    String[] args =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(PalermoApplication.class)
        .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
        .run(args);
  }
}
