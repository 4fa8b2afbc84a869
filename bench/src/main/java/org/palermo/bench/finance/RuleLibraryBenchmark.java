package org.palermo.bench.finance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.palermo.finance.Alert;
import org.palermo.finance.Channel;
import org.palermo.finance.Direction;
import org.palermo.finance.Engine;
import org.palermo.finance.Transaction;
import org.palermo.finance.rules.RuleSet;

/**
 * Transactions per second through the whole built-in rule library (all nine rules), one thread:
 * 1,000,000 transactions of 20,000 accounts over 90 days, in time order, parsed beforehand (the CSV
 * reader is not measured). The mix: card spending, salaries, rent, ATM (some at night, some in
 * other cities), cash deposits, wires, hotels, prepaid and crypto, so that every rule has work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class RuleLibraryBenchmark {
  static final int N = 1_000_000;
  static final String[] CITIES = {"lyon", "paris", "lille", "nantes", "rennes", "bordeaux", "nice"};

  List<Transaction> transactions;
  RuleSet rules;

  @Setup(Level.Trial)
  public void setUp() {
    rules = RuleSet.defaults();
    SplittableRandom rnd = new SplittableRandom(42);
    OffsetDateTime start = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1));
    long span = 90L * 24 * 3600;
    transactions = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      long t = span * i / N;
      String account = "A" + rnd.nextInt(20_000);
      String city = CITIES[rnd.nextInt(CITIES.length)];
      int kind = rnd.nextInt(100);
      Direction d = Direction.OUT;
      Channel c = Channel.CARD;
      int mcc = 5411;
      double amount = 5 + rnd.nextInt(200);
      String cp = null;
      String desc = null;
      if (kind < 5) {
        d = Direction.IN;
        c = Channel.ACH;
        mcc = -1;
        amount = 2000 + rnd.nextInt(2000);
        cp = "EMP" + rnd.nextInt(500);
        desc = "SALARY";
      } else if (kind < 12) {
        c = Channel.ATM;
        mcc = -1;
      } else if (kind < 15) {
        d = Direction.IN;
        c = Channel.CASH;
        mcc = -1;
        amount = 500 + rnd.nextInt(9500);
      } else if (kind < 20) {
        c = Channel.WIRE;
        mcc = -1;
        amount = 50 + rnd.nextInt(9950);
        cp = "C" + rnd.nextInt(50_000);
        desc = rnd.nextInt(50) == 0 ? "recruitment fee" : "transfer";
      } else if (kind < 22) {
        mcc = rnd.nextBoolean() ? 7011 : 7512;
      } else if (kind < 23) {
        c = rnd.nextBoolean() ? Channel.PREPAID : Channel.CRYPTO;
        mcc = -1;
      }
      transactions.add(
          new Transaction(
              "t" + i,
              start.plusSeconds(t),
              account,
              null,
              cp,
              null,
              amount,
              "EUR",
              d,
              c,
              mcc,
              city,
              "FR",
              desc));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void wholeLibrary(Blackhole bh) {
    Engine engine = new Engine(rules);
    int alerts = 0;
    for (Transaction t : transactions) {
      List<Alert> fired = engine.accept(t);
      alerts += fired.size();
    }
    alerts += engine.flush().size();
    bh.consume(alerts);
  }
}
