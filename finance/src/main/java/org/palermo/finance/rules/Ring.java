package org.palermo.finance.rules;

import java.time.OffsetDateTime;

/**
 * The events of one window of one key (an account, a relationship or a recipient), oldest first, in
 * parallel primitive arrays used as a ring: pushing and evicting allocate nothing unless the window
 * outgrows the ring, which then doubles.
 */
final class Ring {
  private long[] time = new long[8];
  private double[] amount = new double[8];
  private int[] a = new int[8];
  private int[] b = new int[8];
  private String[] id = new String[8];
  private OffsetDateTime[] stamp = new OffsetDateTime[8];
  private int head;
  private int size;

  void push(long t, OffsetDateTime ts, String txId, double amt, int tagA, int tagB) {
    if (size == time.length) {
      grow();
    }
    int i = (head + size) % time.length;
    time[i] = t;
    stamp[i] = ts;
    id[i] = txId;
    amount[i] = amt;
    a[i] = tagA;
    b[i] = tagB;
    size++;
  }

  /** Drops the events older than {@code cutoff} (epoch seconds). */
  void evictBefore(long cutoff) {
    while (size > 0 && time[head] < cutoff) {
      popFirst();
    }
  }

  void popFirst() {
    id[head] = null;
    stamp[head] = null;
    head = (head + 1) % time.length;
    size--;
  }

  void clear() {
    while (size > 0) {
      popFirst();
    }
  }

  int size() {
    return size;
  }

  private int at(int i) {
    return (head + i) % time.length;
  }

  long time(int i) {
    return time[at(i)];
  }

  double amount(int i) {
    return amount[at(i)];
  }

  int a(int i) {
    return a[at(i)];
  }

  int b(int i) {
    return b[at(i)];
  }

  String id(int i) {
    return id[at(i)];
  }

  OffsetDateTime stamp(int i) {
    return stamp[at(i)];
  }

  private void grow() {
    int n = time.length * 2;
    long[] t2 = new long[n];
    double[] am2 = new double[n];
    int[] a2 = new int[n];
    int[] b2 = new int[n];
    String[] id2 = new String[n];
    OffsetDateTime[] s2 = new OffsetDateTime[n];
    for (int i = 0; i < size; i++) {
      int k = at(i);
      t2[i] = time[k];
      am2[i] = amount[k];
      a2[i] = a[k];
      b2[i] = b[k];
      id2[i] = id[k];
      s2[i] = stamp[k];
    }
    time = t2;
    amount = am2;
    a = a2;
    b = b2;
    id = id2;
    stamp = s2;
    head = 0;
  }
}
