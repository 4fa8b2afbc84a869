package org.palermo.app.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.palermo.app.PalermoApplication;
import org.palermo.app.platform.DataDirectoryLock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

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

  /**
   * The context a command runs in: the application started for it (the production path, every
   * time), or, only while a test has {@linkplain #share shared} a context on the same data
   * directory, that context, which the command's {@code close()} then leaves running.
   */
  static ConfigurableApplicationContext start(
      DataOptions data, boolean web, Map<String, Object> extra) {
    Shared lent = shared;
    if (lent != null
        && !web
        && extra.isEmpty()
        && data.databaseUrl == null
        && lent.dataDir().equals(data.dataDirOrDefault())) {
      return lent.unclosable();
    }
    return boot(data, web, extra);
  }

  private static ConfigurableApplicationContext boot(
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

  // --- a seam for tests: several commands in one started context ---------------------------------

  /** A context a test started once and lends to the commands it runs on the same directory. */
  private record Shared(Path dataDir, ConfigurableApplicationContext context) {
    /** The context, but with {@code close()} doing nothing: its owner closes it. */
    ConfigurableApplicationContext unclosable() {
      InvocationHandler handler =
          (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
              return null;
            }
            try {
              return method.invoke(context, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          };
      return (ConfigurableApplicationContext)
          Proxy.newProxyInstance(
              Launch.class.getClassLoader(),
              new Class<?>[] {ConfigurableApplicationContext.class},
              handler);
    }
  }

  private static volatile Shared shared;

  /**
   * For tests only (nothing in the application calls it): starts the application on {@code dataDir}
   * exactly as a command without options of its own does ({@link #start} with no web server and no
   * extra properties), and lets every such command run in this JVM on that directory use it instead
   * of starting its own, until the returned context is closed. Commands that start differently (a
   * web server, extra properties, another directory or database) still start their own, and find
   * the directory held. One shared context at a time.
   */
  static ConfigurableApplicationContext share(Path dataDir) {
    synchronized (Launch.class) {
      if (shared != null) {
        throw new IllegalStateException("A context is already shared on " + shared.dataDir());
      }
      DataOptions data = new DataOptions();
      data.dataDir = dataDir;
      ConfigurableApplicationContext context = boot(data, false, Map.of());
      Shared lent = new Shared(data.dataDirOrDefault(), context);
      shared = lent;
      context.addApplicationListener(
          (ApplicationListener<ContextClosedEvent>)
              e -> {
                synchronized (Launch.class) {
                  if (shared == lent) {
                    shared = null;
                  }
                }
              });
      return context;
    }
  }
}
