package org.palermo.finance.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;
import org.palermo.finance.FinanceInputException;

/**
 * A configured rule library: the built-in parameters ({@code default.properties} next to this
 * class, every one documented there and in docs/investigations.md) with the overrides of a rules
 * file. Checked when made: a bad or unknown key is a {@link FinanceInputException} naming it.
 */
public final class RuleSet {
  private static final Map<String, BiFunction<Params, Symbols, Rule>> RULES = new LinkedHashMap<>();

  static {
    RULES.put(FunnelAccount.NAME, FunnelAccount::new);
    RULES.put(Structuring.NAME, Structuring::new);
    RULES.put(WagePooling.NAME, WagePooling::new);
    RULES.put(MissingPayroll.NAME, MissingPayroll::new);
    RULES.put(AdultAdvertising.NAME, AdultAdvertising::new);
    RULES.put(LodgingAndRentals.NAME, LodgingAndRentals::new);
    RULES.put(LateNightAtm.NAME, LateNightAtm::new);
    RULES.put(PrepaidAndCrypto.NAME, PrepaidAndCrypto::new);
    RULES.put(RecruitmentFees.NAME, RecruitmentFees::new);
  }

  private final Map<String, String> values;
  private final List<String> enabled;

  private RuleSet(Map<String, String> values, List<String> enabled) {
    this.values = values;
    this.enabled = enabled;
  }

  /** The built-in rule set ({@code --rules default}). */
  public static RuleSet defaults() {
    try {
      return of(Map.of());
    } catch (FinanceInputException e) {
      throw new IllegalStateException("the built-in rules are invalid: " + e.getMessage(), e);
    }
  }

  /** {@code default} for the built-in set, else a properties file of overrides. */
  public static RuleSet load(String rules) throws FinanceInputException, IOException {
    if (rules == null || rules.equals("default")) {
      return defaults();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(rules), StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      throw new FinanceInputException("rules: no such file: " + rules);
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      throw new FinanceInputException("rules: " + rules + " is not a UTF-8 properties file");
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      overrides.put(key, p.getProperty(key));
    }
    return of(overrides);
  }

  /** The built-in parameters with {@code overrides} (same keys as the rules file). */
  public static RuleSet of(Map<String, String> overrides) throws FinanceInputException {
    Map<String, String> values = builtIn();
    for (var e : overrides.entrySet()) {
      if (!values.containsKey(e.getKey())) {
        throw new FinanceInputException(
            "rules, key " + e.getKey() + ": unknown key (docs/investigations.md lists them)");
      }
      values.put(e.getKey(), e.getValue());
    }
    List<String> enabled = new ArrayList<>();
    for (String name : values.get("rules").split(",")) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      if (!RULES.containsKey(n)) {
        throw new FinanceInputException(
            "rules, key rules: unknown rule \""
                + n
                + "\" (known: "
                + String.join(", ", RULES.keySet())
                + ")");
      }
      if (!enabled.contains(n)) {
        enabled.add(n);
      }
    }
    RuleSet set = new RuleSet(Collections.unmodifiableMap(values), List.copyOf(enabled));
    try {
      for (String name : RULES.keySet()) {
        RULES.get(name).apply(new Params(name, values), new Symbols());
      }
    } catch (Params.BadParameter e) {
      throw new FinanceInputException("rules, key " + e.key + ": " + e.getMessage());
    }
    return set;
  }

  /** The names of the rules that run, in order. */
  public List<String> enabled() {
    return enabled;
  }

  /** Fresh rules with empty windows, sharing one symbol table. */
  public List<Rule> newRules() {
    Symbols symbols = new Symbols();
    List<Rule> rules = new ArrayList<>();
    for (String name : enabled) {
      rules.add(RULES.get(name).apply(new Params(name, values), symbols));
    }
    return rules;
  }

  private static Map<String, String> builtIn() {
    Properties p = new Properties();
    try (InputStream in = RuleSet.class.getResourceAsStream("default.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      values.put(key, p.getProperty(key));
    }
    return values;
  }
}
