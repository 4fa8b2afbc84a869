package org.palermo.app.directory.hsds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.palermo.app.directory.HsdsFormatException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz target of the HSDS JSON importer (SECURITY.md: every import parser is fuzzed): whatever the
 * bytes, reading and checking them either succeeds or fails with the importer's own {@link
 * HsdsFormatException} — never another exception that would leak a stack trace, a database error or
 * a crash. Under {@code mvn verify} it replays the seeds in {@code HsdsJsonImportFuzzTestInputs};
 * with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class HsdsJsonImportFuzzTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** File names steer what a document is read as: a list of services, a record, a guess. */
  static final String[] NAMES = {"services.json", "organization.json", "data.json"};

  @FuzzTest(maxDuration = "20s")
  void only_validation_errors_escape(byte[] input) {
    for (String name : NAMES) {
      try {
        HsdsExchange.check(JSON, name, input);
      } catch (HsdsFormatException expected) {
        // the one failure an import may have
      }
    }
  }
}
