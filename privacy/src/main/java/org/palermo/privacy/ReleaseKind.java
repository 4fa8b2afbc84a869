package org.palermo.privacy;

/** The three kinds of statistical release, named as on the command line. */
public enum ReleaseKind {
  /** k-anonymous record-level CTDC file. */
  MICRODATA("microdata"),
  /** Aggregate table with small-cell suppression and rounding. */
  TABLE("table"),
  /** Differentially private aggregate table. */
  DP_TABLE("dp-table");

  private final String cliName;

  ReleaseKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name used by {@code palermo stats release --kind} and in the sidecar. */
  public String cliName() {
    return cliName;
  }

  /** The kind for a command-line name. */
  public static ReleaseKind fromCliName(String name) {
    for (ReleaseKind kind : values()) {
      if (kind.cliName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown release kind: " + name);
  }
}
