package dev.ladder.core.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/** Holds the OkHttp client and thread pool that every client shares unless told otherwise. */
final class SharedResources {
    private SharedResources() {}

    static OkHttpClient okHttpClient() {
        return OkHttpHolder.CLIENT;
    }

    static ExecutorService executor() {
        return ExecutorHolder.EXECUTOR;
    }

    static ScheduledExecutorService scheduler() {
        return SchedulerHolder.SCHEDULER;
    }

    /** Created on first use, so a program that never calls a provider starts no OkHttp threads. */
    private static final class OkHttpHolder {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder().build();
    }

    private static final class ExecutorHolder {
        static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new DaemonThreads("ladder-call-"));
    }

    private static final class SchedulerHolder {
        static final ScheduledExecutorService SCHEDULER =
                Executors.newSingleThreadScheduledExecutor(new DaemonThreads("ladder-stream-watchdog-"));
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final String prefix;

        DaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
