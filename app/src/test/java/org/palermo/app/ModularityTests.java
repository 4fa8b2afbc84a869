package org.palermo.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module boundaries of ARCHITECTURE.md on every build. */
class ModularityTests {
  static final ApplicationModules MODULES = ApplicationModules.of(PalermoApplication.class);

  /** A row of the table "Application modules" in docs/architecture.md: "| `name` ...". */
  static final Pattern DOCUMENTED_MODULE =
      Pattern.compile("^\\| `([a-z]+)`[^|]*\\|", Pattern.MULTILINE);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void documentsTheModules(@TempDir Path out) throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();

    Set<String> modules =
        MODULES.stream()
            .map(ApplicationModule::getIdentifier)
            .map(Object::toString)
            .collect(Collectors.toCollection(TreeSet::new));
    String all = Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8);
    for (String module : modules) {
      assertThat(out.resolve("module-" + module + ".puml")).as("diagram of " + module).exists();
      assertThat(all).as("the overview diagram names " + module).containsIgnoringCase(module);
    }
    assertThat(modules)
        .as("the modules in the code are the modules docs/architecture.md describes")
        .isEqualTo(documentedModules());
  }

  /** The module names of the table "Application modules (Spring Modulith)" of the architecture. */
  static Set<String> documentedModules() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "architecture.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("## Application modules");
    int end = doc.indexOf("\n## ", start + 1);
    Matcher rows = DOCUMENTED_MODULE.matcher(doc.substring(start, end < 0 ? doc.length() : end));
    Set<String> names = new TreeSet<>();
    while (rows.find()) {
      names.add(rows.group(1));
    }
    return names;
  }
}
