package dev.ladder.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A lock on one thread of a SQLite database, held as a one-byte lock on a file beside the database
 * at an offset hashed from the thread id. The operating system releases it when the process holding
 * it dies, so a killed run never blocks its thread, and every JVM on the machine sees it.
 *
 * <p>One channel per lock file serves the whole JVM, opened while any lock on the file is held:
 * closing a channel may drop every lock the JVM holds on that file.
 */
final class FileThreadLock implements ThreadLock {
    private static final long POLL_MILLIS = 50;
    private static final Map<Path, SharedFile> OPEN = new HashMap<>();

    private final SharedFile file;
    private final FileLock lock;
    private boolean open = true;

    private FileThreadLock(SharedFile file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code threadId} under {@code namespace} in {@code lockFile}, waiting up to
     * {@code wait}.
     *
     * @throws ThreadBusyException if another process, or another checkpointer of this JVM, holds it.
     */
    static FileThreadLock acquire(Path lockFile, String namespace, String threadId, Duration wait) throws IOException {
        long position = PostgresThreadLock.hash(namespace + "\u0000" + threadId) >>> 2;
        SharedFile file = SharedFile.use(lockFile);
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            FileLock lock;
            while ((lock = tryLock(file.channel, position)) == null) {
                if (System.nanoTime() >= deadline || !pause()) {
                    throw new ThreadBusyException("thread '" + threadId + "' is being advanced by another worker"
                            + " (another process or checkpointer on " + lockFile.getFileName() + ")"
                            + (wait.isZero() ? "" : " and stayed busy for " + wait)
                            + ": try again once it has finished, or set JdbcCheckpointer.Builder.lockWait to wait"
                            + " for it");
                }
            }
            return new FileThreadLock(file, lock);
        } catch (IOException | RuntimeException e) {
            file.release(null);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel, long position) throws IOException {
        try {
            return channel.tryLock(position, 1, false);
        } catch (OverlappingFileLockException e) {
            // Another checkpointer of this JVM holds the same thread.
            return null;
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            file.release(lock);
        } catch (IOException e) {
            throw new CheckpointException(
                    "could not release the lock of a thread in " + file.path + ": " + e.getMessage()
                            + "; the operating system releases it when this process ends",
                    e);
        }
    }

    /** A lock file's channel and how many locks use it; guarded by {@link #OPEN}. */
    private static final class SharedFile {
        private final Path path;
        private final FileChannel channel;
        private int users;

        private SharedFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        static SharedFile use(Path path) throws IOException {
            synchronized (OPEN) {
                SharedFile file = OPEN.get(path);
                if (file == null) {
                    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    file = new SharedFile(path, channel);
                    OPEN.put(path, file);
                }
                file.users++;
                return file;
            }
        }

        void release(FileLock lock) throws IOException {
            synchronized (OPEN) {
                try {
                    if (lock != null) {
                        lock.release();
                    }
                } finally {
                    if (--users == 0) {
                        OPEN.remove(path);
                        channel.close();
                    }
                }
            }
        }
    }
}
