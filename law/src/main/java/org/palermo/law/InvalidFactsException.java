package org.palermo.law;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when facts fail validation; carries every {@link Problem} found. */
public final class InvalidFactsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidFactsException(List<Problem> problems) {
    super(
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .collect(Collectors.joining("; ", "Invalid facts: ", "")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
