package org.palermo.app.platform.crypto;

import com.ibm.icu.text.Transliterator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed search tokens for names (blind indexes): each name is transliterated to lower-case ASCII
 * Latin, split into tokens of two letters or more, and each token becomes HMAC-SHA-256 under an
 * index key derived from a dedicated data key (so it rotates with the master key like any other
 * data key, and differs from every encryption key). Equal tokens give equal hashes, so "Maria
 * Ivanova" is found by "ivanova" or by "Мария"; without the key the tokens reveal nothing.
 */
@Component
public class BlindIndex {
  /** The record whose data key is the root of the index key. */
  static final UUID INDEX_ROOT = UUID.fromString("00000000-0000-0000-0000-00000000b1d1");

  private static final Transliterator TO_LATIN =
      Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower; NFC");

  private final DataKeys keys;
  private volatile byte[] indexKey;

  BlindIndex(DataKeys keys) {
    this.keys = keys;
  }

  /** The blind tokens of a name (or a search query): hex HMACs, in the order of the words. */
  public Set<String> tokens(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String word : normalise(name)) {
      out.add(hmac(word));
    }
    return out;
  }

  /**
   * The blind tokens of words the caller has already normalised (the consonant skeletons of {@code
   * cases.Names.matchTokens}, for instance): hex HMACs, in order. The words are hashed in a domain
   * of their own ({@code "match:" + word}), so they never equal a token of {@link #tokens} and both
   * kinds can share the {@code person_name_token} table.
   */
  public Set<String> tokensOf(java.util.Collection<String> words) {
    Set<String> out = new LinkedHashSet<>();
    if (words == null) {
      return out;
    }
    for (String word : words) {
      if (word != null && !word.isBlank()) {
        out.add(hmac("match:" + word));
      }
    }
    return out;
  }

  /** The normalised words of a name, before hashing. */
  public static Set<String> normalise(String name) {
    Set<String> words = new LinkedHashSet<>();
    if (name == null) {
      return words;
    }
    String latin;
    synchronized (TO_LATIN) {
      latin = TO_LATIN.transliterate(name);
    }
    for (String w : latin.replaceAll("[^a-z0-9]+", " ").strip().split(" ")) {
      if (w.length() >= 2) {
        words.add(w);
      }
    }
    return words;
  }

  private String hmac(String word) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(word.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = indexKey;
    if (k == null) {
      try {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(keys.forSealing(INDEX_ROOT).getEncoded(), "HmacSHA256"));
        k = derive.doFinal("palermo blind index v1".getBytes(StandardCharsets.US_ASCII));
        indexKey = k;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return k;
  }
}
