package org.palermo.bench.privacy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.SyntheticCtdcGenerator;
import org.palermo.privacy.kanon.KAnonymisation;
import org.palermo.privacy.kanon.KAnonymityPolicy;
import org.palermo.privacy.kanon.KAnonymizer;

/** JMH single-shot benchmark of k-anonymising 1,000,000 synthetic CTDC records at k = 11. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class KAnonymityBenchmark {
  private List<CtdcRecord> records;

  @Setup
  public void generate() {
    records = new SyntheticCtdcGenerator(2026L).generate(1_000_000);
  }

  @Benchmark
  public KAnonymisation anonymiseMillionRecords() {
    return new KAnonymizer().anonymise(records, KAnonymityPolicy.ctdcDefault());
  }
}
