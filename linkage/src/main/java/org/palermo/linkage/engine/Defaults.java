package org.palermo.linkage.engine;

/**
 * Starting values for EM and the prior it is pulled towards when the data are few: m from the usual
 * error rates of registrations (most records of one person agree exactly; a few differ by a typing,
 * reading or transliteration error), u for a level no random pair showed.
 */
final class Defaults {
  private Defaults() {}

  static double[] m(Comparison c) {
    return switch (c) {
      case GIVEN_NAME -> new double[] {0.75, 0.08, 0.06, 0.04, 0.02, 0.05};
      case FAMILY_NAME -> new double[] {0.75, 0.07, 0.06, 0.02, 0.04, 0.01, 0.05};
      case BIRTH_DATE -> new double[] {0.85, 0.03, 0.03, 0.03, 0.02, 0.04};
      case SEX -> new double[] {0.97, 0.03};
      case CITIZENSHIP -> new double[] {0.92, 0.08};
      case BIRTH_PLACE -> new double[] {0.8, 0.1, 0.1};
      case ADDRESS -> new double[] {0.6, 0.1, 0.1, 0.1, 0.1};
      case DOCUMENT_NUMBER -> new double[] {0.85, 0.08, 0.07};
    };
  }

  static double[] u(Comparison c) {
    return switch (c) {
      case GIVEN_NAME -> new double[] {0.005, 0.005, 0.01, 0.02, 0.01, 0.95};
      case FAMILY_NAME -> new double[] {0.002, 0.003, 0.005, 0.0005, 0.01, 0.005, 0.9745};
      case BIRTH_DATE -> new double[] {0.0001, 0.0001, 0.0002, 0.03, 0.06, 0.9096};
      case SEX -> new double[] {0.5, 0.5};
      case CITIZENSHIP -> new double[] {0.2, 0.8};
      case BIRTH_PLACE -> new double[] {0.01, 0.02, 0.97};
      case ADDRESS -> new double[] {0.0001, 0.0005, 0.01, 0.05, 0.9394};
      case DOCUMENT_NUMBER -> new double[] {0.0001, 0.0001, 0.9998};
    };
  }
}
