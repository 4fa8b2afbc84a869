package org.palermo.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The message bundles the application loads, read from {@code spring.messages.basename} in {@code
 * application.properties}, so that tests check exactly the bundles Spring serves. Each module keeps
 * its texts in a bundle of its own ({@code i18n/<module>}).
 */
public final class I18nBundles {
  /** Class-path base names, e.g. {@code i18n/messages}. */
  public static final List<String> BASENAMES = read();

  private I18nBundles() {}

  private static List<String> read() {
    Properties p = new Properties();
    try (InputStream in =
        I18nBundles.class.getClassLoader().getResourceAsStream("application.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.stream(p.getProperty("spring.messages.basename").split(","))
        .map(String::strip)
        .toList();
  }
}
