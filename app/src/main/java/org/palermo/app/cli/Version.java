package org.palermo.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code palermo --version}. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"palermo " + (v == null ? "development" : v)};
  }
}
