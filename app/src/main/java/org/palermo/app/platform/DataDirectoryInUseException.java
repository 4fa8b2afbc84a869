package org.palermo.app.platform;

import java.nio.file.Path;

/** Another process (usually a running server) holds the data directory. */
public final class DataDirectoryInUseException extends RuntimeException {
  private final Path dataDir;
  private final String holderPid;

  public DataDirectoryInUseException(Path dataDir, String holderPid) {
    super(
        "The data directory "
            + dataDir
            + " is in use by another Palermo process (pid "
            + holderPid
            + "), usually a running server. Stop that server first, or use the web interface or"
            + " the API of the running server.");
    this.dataDir = dataDir;
    this.holderPid = holderPid;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String holderPid() {
    return holderPid;
  }
}
