package org.palermo.bench.law;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.palermo.law.Assessment;
import org.palermo.law.Facts;
import org.palermo.law.RandomFacts;
import org.palermo.law.engine.Classifier;
import org.palermo.law.indicator.Indicator;

/**
 * Throughput of {@link Classifier#classify}: one operation is one full assessment (validation,
 * indicator evidence, both findings with reasons, Delphi scoring, needs) of a fact set drawn in
 * turn from 4,096 random ones pre-generated with a fixed seed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassificationBenchmark {
  private static final int FACT_SETS = 4_096;

  @Param("20261122")
  long seed;

  private Classifier classifier;
  private Facts[] facts;
  private int next;

  @Setup
  public void setUp() {
    classifier = Classifier.standard();
    List<String> codes =
        classifier.catalogue().indicators().stream()
            .map(Indicator::code)
            .collect(Collectors.toList());
    RandomFacts generator = new RandomFacts(new SplittableRandom(seed), codes);
    facts = new Facts[FACT_SETS];
    for (int i = 0; i < FACT_SETS; i++) {
      facts[i] = generator.next("bench-" + i);
    }
  }

  @Benchmark
  public Assessment classify() {
    Facts f = facts[next];
    next = (next + 1) & (FACT_SETS - 1);
    return classifier.classify(f);
  }
}
