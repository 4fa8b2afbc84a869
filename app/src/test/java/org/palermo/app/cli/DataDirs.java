package org.palermo.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data directories for command-line tests. A directory that several tests need in the same state
 * (an instance with its administrator, say) is made once with the commands and then copied, file by
 * file with its permissions, while no server runs on it: each copy is a whole instance of its own
 * (database, keys, secrets), without starting Spring and PostgreSQL and migrating an empty database
 * again for every test.
 */
final class DataDirs {
  private DataDirs() {}

  /** Copies a stopped instance's data directory into a new temporary directory. */
  static Path copyOf(Path template, String prefix) throws IOException {
    Path target = Files.createTempDirectory(prefix);
    try (Stream<Path> files = Files.walk(template)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(template.relativize(source).toString());
        if (Files.isDirectory(source)) {
          if (!source.equals(template)) {
            Files.createDirectory(copy);
          }
          Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(source));
        } else {
          Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  /** Deletes a directory and everything in it. */
  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
