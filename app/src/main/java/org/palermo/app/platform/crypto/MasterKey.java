package org.palermo.app.platform.crypto;

import javax.crypto.SecretKey;

/** A master key and its id; the id is stored beside every data key it wraps. */
public record MasterKey(String id, SecretKey key) {
  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
