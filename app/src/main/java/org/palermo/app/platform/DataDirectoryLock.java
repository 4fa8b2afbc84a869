package org.palermo.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a data directory, held for as long as a server or a command uses it, so that
 * two processes never run the same embedded database. The lock file records the holder's process
 * id.
 */
public final class DataDirectoryLock implements AutoCloseable {
  static final String LOCK_FILE = "palermo.lock";

  private final Path dataDir;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(Path dataDir, FileChannel channel, FileLock lock) {
    this.dataDir = dataDir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, or fails without changing anything in the directory if another process holds
   * it.
   *
   * @throws DataDirectoryInUseException when another process holds the lock
   */
  public static DataDirectoryLock acquire(Path dataDir) {
    Path lockFile = dataDir.resolve(LOCK_FILE);
    Optional<String> holder = Optional.empty();
    try {
      if (Files.exists(lockFile)) {
        holder = readHolder(lockFile);
        FileChannel probe =
            FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = tryLock(probe);
        if (lock == null) {
          probe.close();
          throw new DataDirectoryInUseException(dataDir, holder.orElse("unknown"));
        }
        writeHolder(probe);
        return new DataDirectoryLock(dataDir, probe, lock);
      }
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new DataDirectoryInUseException(dataDir, readHolder(lockFile).orElse("unknown"));
      }
      writeHolder(channel);
      return new DataDirectoryLock(dataDir, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock data directory " + dataDir, e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static void writeHolder(FileChannel channel) throws IOException {
    channel.truncate(0);
    channel.write(
        java.nio.ByteBuffer.wrap(
            String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
        0);
    channel.force(true);
  }

  private static Optional<String> readHolder(Path lockFile) {
    try {
      String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
      return pid.isEmpty() ? Optional.empty() : Optional.of(pid);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
