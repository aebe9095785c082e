package vn.giamngheo.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds an exclusive lock on {@code <dataDir>/local-stack.lock} while a stack runs on that data directory: two stacks on
 * the same H2 file and Kafka log directory would corrupt both. The operating system drops the lock when the holder
 * dies, so a crashed stack never blocks the next one.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = "local-stack.lock";

    /*
     * Locks held by this JVM. On Linux, closing ANY channel of a file drops every lock this process holds on it, so a
     * second attempt from the same JVM must be refused before it opens a channel of its own.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (!HELD_HERE.add(file)) {
            throw alreadyRunning(dataDir, ProcessHandle.current().pid());
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                HELD_HERE.remove(file);
                throw alreadyRunning(dataDir, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new DataDirLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_HERE.remove(file);
            throw new LocalStackException("Cannot lock the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it anyway.
        }
        closeQuietly(channel);
        HELD_HERE.remove(file);
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
        return pid.isEmpty() ? "unknown" : pid;
    }

    private static LocalStackException alreadyRunning(Path dataDir, Object pid) {
        return new LocalStackException("The local stack is already running (data dir " + dataDir.toAbsolutePath()
                + ", pid " + pid + "). Stop it first, or use another data directory.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be released.
        }
    }
}
