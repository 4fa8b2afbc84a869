package org.palermo.linkage.clk;

import com.ibm.icu.text.Transliterator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;

/**
 * Encodes a record as one record-level Bloom filter (a cryptographic long-term key, CLK; Schnell,
 * Bachteler, Reiher 2009, and the record-level filter of Schnell, Bachteler, Reiher 2011, "A novel
 * error-tolerant anonymous linking code", German RLC WP-GRLC-2011-02).
 *
 * <p>The tokens of each field group (the q-grams of the names, transliterated to Latin first, so
 * that محمد and Mohammed share q-grams as far as the scripts allow; the year, month, day and the
 * unordered day-month pair of the birth date; sex; citizenship; the q-grams of the place of birth)
 * are each hashed to k positions of one filter of L bits, k being the weight of the group. The
 * positions come from HMAC-SHA256 keyed by the secret of the linkage agreement over the group, the
 * token and a counter, 16 bits per position: k independent keyed hash functions rather than the
 * double hashing of the 2009 paper, which Niedermeyer, Steinmetzer, Kroll and Schnell (2014,
 * "Cryptanalysis of basic Bloom filters used for privacy preserving record linkage", Journal of
 * Privacy and Confidentiality 6(2)) showed to be open to attack. Then the filter is hardened
 * ({@link Hardening}). Without the secret no one can compute a filter, test a guessed name, or link
 * the encodings of two different agreements.
 *
 * <p>Not thread-safe: one encoder a thread.
 */
public final class ClkEncoder {
  static final String NAME = "name";
  static final String BIRTH_DATE = "birth_date";
  static final String SEX = "sex";
  static final String CITIZENSHIP = "citizenship";
  static final String BIRTH_PLACE = "birth_place";
  static final List<String> GROUPS = List.of(NAME, BIRTH_DATE, SEX, CITIZENSHIP, BIRTH_PLACE);

  /** The smallest secret: 16 bytes (128 bits). */
  public static final int MIN_SECRET_BYTES = 16;

  private static final Transliterator TO_LATIN =
      Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

  private final ClkParameters parameters;
  private final Mac mac;
  private final int[] permutation;

  /**
   * An encoder for a secret, with the given q, length, hardening and weights (the fingerprint of
   * the secret is put into the parameters).
   */
  public ClkEncoder(byte[] secret, int q, int length, Hardening hardening, Map<String, Integer> w) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the secret has "
              + secret.length
              + " bytes; at least "
              + MIN_SECRET_BYTES
              + " are needed");
    }
    this.mac = hmac(secret);
    this.parameters =
        new ClkParameters(ClkParameters.VERSION, q, length, hardening, w, fingerprint(secret));
    this.permutation = hardening == Hardening.BALANCED ? permutation(2 * length) : null;
  }

  /**
   * An encoder with the defaults: bigrams, 1024 bits, balanced, {@link
   * ClkParameters#defaultWeights}.
   */
  public ClkEncoder(byte[] secret) {
    this(secret, 2, 1024, Hardening.BALANCED, ClkParameters.defaultWeights());
  }

  public ClkParameters parameters() {
    return parameters;
  }

  /** The encoding of a record: {@link ClkParameters#encodedLength()} bits. */
  public long[] encode(LinkageRecord record) {
    int length = parameters.length();
    long[] filter = new long[length / 64];
    for (var group : parameters.bitsPerToken().entrySet()) {
      int k = group.getValue();
      for (String token : tokens(group.getKey(), record)) {
        byte[] h = null;
        for (int j = 0; j < k; j++) {
          if (j % 16 == 0) {
            h = prf(group.getKey() + '\u001f' + token + '\u001f' + (j / 16));
          }
          int chunk = ((h[2 * (j % 16)] & 0xFF) << 8) | (h[2 * (j % 16) + 1] & 0xFF);
          Bits.set(filter, chunk % length);
        }
      }
    }
    if (permutation == null) {
      return filter;
    }
    long[] balanced = new long[2 * length / 64];
    for (int i = 0; i < permutation.length; i++) {
      int source = permutation[i];
      boolean bit = source < length ? Bits.get(filter, source) : !Bits.get(filter, source - length);
      if (bit) {
        Bits.set(balanced, i);
      }
    }
    return balanced;
  }

  /** The tokens of a field group of a record (empty when the fields are unknown). */
  Set<String> tokens(String group, LinkageRecord r) {
    Set<String> tokens = new LinkedHashSet<>();
    switch (group) {
      case NAME -> {
        List<String> names = new ArrayList<>();
        if (r.get(Field.GIVEN_NAME) != null || r.get(Field.FAMILY_NAME) != null) {
          names.add(r.get(Field.GIVEN_NAME));
          names.add(r.get(Field.FAMILY_NAME));
        } else if (r.get(Field.FULL_NAME) != null) {
          names.addAll(List.of(r.get(Field.FULL_NAME).split("\\s+")));
        }
        for (String n : names) {
          qgrams(latin(n), tokens);
        }
      }
      case BIRTH_DATE -> {
        String d = r.get(Field.BIRTH_DATE); // YYYY-MM-DD
        if (d != null) {
          String month = d.substring(5, 7);
          String day = d.substring(8, 10);
          tokens.add("y" + d.substring(0, 4));
          tokens.add("m" + month);
          tokens.add("d" + day);
          tokens.add("md" + (month.compareTo(day) < 0 ? month + day : day + month));
        }
      }
      case SEX -> add(tokens, r.get(Field.SEX));
      case CITIZENSHIP -> add(tokens, r.get(Field.CITIZENSHIP));
      case BIRTH_PLACE -> qgrams(latin(r.get(Field.BIRTH_PLACE)), tokens);
      default -> throw new IllegalArgumentException(group);
    }
    return tokens;
  }

  /** A name in Latin letters a-z only, whatever its script; null stays null. */
  static String latin(String s) {
    if (s == null) {
      return null;
    }
    String t;
    synchronized (TO_LATIN) {
      t = TO_LATIN.transliterate(s);
    }
    return t.replaceAll("[^a-z]", "");
  }

  private void qgrams(String s, Set<String> into) {
    if (s == null || s.isEmpty()) {
      return;
    }
    int q = parameters.q();
    String padded = "_".repeat(q - 1) + s + "_".repeat(q - 1);
    for (int i = 0; i + q <= padded.length(); i++) {
      into.add(padded.substring(i, i + q));
    }
  }

  private static void add(Set<String> tokens, String value) {
    if (value != null) {
      tokens.add(value.strip().toUpperCase(Locale.ROOT));
    }
  }

  private byte[] prf(String input) {
    return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
  }

  /** A permutation of 0..n-1 drawn by Fisher-Yates from the keyed PRF (HMAC in counter mode). */
  private int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    byte[] block = null;
    int used = 32;
    long counter = 0;
    for (int i = n - 1; i > 0; i--) {
      if (used + 8 > 32) {
        block = prf("permutation\u001f" + counter++);
        used = 0;
      }
      long x = 0;
      for (int b = 0; b < 8; b++) {
        x = (x << 8) | (block[used + b] & 0xFF);
      }
      used += 8;
      int j = (int) Long.remainderUnsigned(x, i + 1L);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /**
   * The fingerprint of a secret: the first 16 bytes of HMAC-SHA256(secret, a fixed label), in hex.
   * Two parties compare it to know that they hold the same secret; it does not reveal the secret.
   */
  public static String fingerprint(byte[] secret) {
    Mac m = hmac(secret);
    byte[] h = m.doFinal("palermo clk key fingerprint v1".getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 16);
  }

  private static Mac hmac(byte[] secret) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret, "HmacSHA256"));
      return m;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
