package org.palermo.bench.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.SyntheticCtdcGenerator;
import org.palermo.privacy.kanon.KAnonymisation;
import org.palermo.privacy.kanon.KAnonymityPolicy;
import org.palermo.privacy.kanon.KAnonymizer;

/**
 * One timed run: k-anonymises synthetic CTDC records (default 1,000,000, seed 2026) over all seven
 * quasi-identifiers at k = 11 and prints the time, peak heap and information loss. Usage: {@code
 * java -Xmx2g -cp bench/target/benchmarks.jar org.palermo.bench.privacy.KAnonymityBench [records]
 * [seed]}.
 */
public final class KAnonymityBench {
  private KAnonymityBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026L;
    long t0 = System.nanoTime();
    List<CtdcRecord> records = new SyntheticCtdcGenerator(seed).generate(n);
    long t1 = System.nanoTime();
    KAnonymityPolicy policy = KAnonymityPolicy.ctdcDefault();
    KAnonymisation release = new KAnonymizer().anonymise(records, policy);
    long t2 = System.nanoTime();
    System.out.printf("records            %d (seed %d)%n", n, seed);
    System.out.printf(
        "quasi-identifiers  %d %s%n", policy.quasiIdentifiers().size(), policy.quasiIdentifiers());
    System.out.printf(
        "k                  %d, max suppression %.0f%%%n",
        policy.k(), 100 * policy.maxSuppressionRate());
    System.out.printf("lattice nodes      %d%n", release.latticeSize());
    System.out.printf("generalisation     %s%n", release.generalisation().describe());
    System.out.printf(
        "suppressed/dropped %d / %d%n", release.recordsSuppressed(), release.recordsDropped());
    System.out.printf("loss (NCP)         %.6f%n", release.loss().normalisedCertaintyPenalty());
    System.out.printf("discernibility     %.6e%n", release.loss().discernibility());
    System.out.printf("generate seconds   %.3f%n", (t1 - t0) / 1e9);
    System.out.printf("anonymise seconds  %.3f%n", (t2 - t1) / 1e9);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap MiB      %.1f (sum of heap pool peaks)%n", peak / 1048576.0);
    System.out.printf("max heap MiB       %.1f%n", Runtime.getRuntime().maxMemory() / 1048576.0);
  }
}
