package org.palermo.app.identification;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.law.engine.Classifier;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes the classify JSON reader ({@link ClassificationContract}), the importer behind {@code
 * palermo classify} and {@code POST /api/v1/assessments/classify}: whatever the bytes, it either
 * answers or refuses with a {@code VALIDATION_FAILED} problem — never another exception. In a
 * normal build this runs as a regression test over the inputs in {@code
 * ClassificationContractFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes for {@code
 * maxDuration}.
 */
class ClassificationContractFuzzTest {
  private static final ClassificationContract CONTRACT =
      new ClassificationContract(Classifier.standard());

  @FuzzTest(maxDuration = "30s")
  void classify_answers_or_refuses_with_a_validation_problem(byte[] input) {
    String body = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    try {
      JsonNode result = CONTRACT.classify(body);
      assertThat(result).isNotNull();
      assertThat(CONTRACT.print(result)).isNotBlank();
    } catch (PalermoException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }
  }
}
