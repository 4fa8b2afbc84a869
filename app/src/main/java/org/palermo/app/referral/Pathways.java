package org.palermo.app.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.palermo.app.directory.ServiceType;
import org.palermo.law.ProtectionNeed;

/**
 * Referral pathways: the service types that meet each protection need, one pathway for adults and
 * one for children, read from {@code referral/pathways.properties}. Every need must be mapped in
 * both pathways; a wrong name stops the application at start.
 */
final class Pathways {
  static final String RESOURCE = "referral/pathways.properties";

  private final Map<ProtectionNeed, List<ServiceType>> adult;
  private final Map<ProtectionNeed, List<ServiceType>> child;

  Pathways(
      Map<ProtectionNeed, List<ServiceType>> adult, Map<ProtectionNeed, List<ServiceType>> child) {
    this.adult = Collections.unmodifiableMap(new EnumMap<>(adult));
    this.child = Collections.unmodifiableMap(new EnumMap<>(child));
  }

  /** The pathways of the resource on the class path. */
  static Pathways load() {
    try (InputStream in = Pathways.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Pathways parse(Properties p) {
    Map<ProtectionNeed, List<ServiceType>> adult = new EnumMap<>(ProtectionNeed.class);
    Map<ProtectionNeed, List<ServiceType>> child = new EnumMap<>(ProtectionNeed.class);
    for (String key : p.stringPropertyNames()) {
      int dot = key.indexOf('.');
      String pathway = dot < 0 ? key : key.substring(0, dot);
      Map<ProtectionNeed, List<ServiceType>> target =
          switch (pathway) {
            case "adult" -> adult;
            case "child" -> child;
            default -> throw new IllegalStateException("Unknown pathway in " + key);
          };
      ProtectionNeed need = ProtectionNeed.valueOf(key.substring(dot + 1));
      List<ServiceType> types = new ArrayList<>();
      for (String t : p.getProperty(key).split(",")) {
        if (!t.isBlank()) {
          types.add(ServiceType.valueOf(t.strip()));
        }
      }
      if (types.isEmpty()) {
        throw new IllegalStateException("No service type for " + key);
      }
      target.put(need, List.copyOf(types));
    }
    for (ProtectionNeed need : ProtectionNeed.values()) {
      if (!adult.containsKey(need) || !child.containsKey(need)) {
        throw new IllegalStateException("The pathways do not map " + need);
      }
    }
    return new Pathways(adult, child);
  }

  /** The service types for {@code need}, in order of preference, on the pathway for the person. */
  List<ServiceType> serviceTypes(ProtectionNeed need, boolean child) {
    return (child ? this.child : adult).get(need);
  }
}
