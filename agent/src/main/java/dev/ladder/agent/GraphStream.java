package dev.ladder.agent;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The events of a run in the background, read as an iterator. The iterator ends after the
 * {@link GraphEvent.Finished} event; if the run fails, {@link #hasNext()} throws its exception after
 * the events that came before it. Read it from one thread. {@link #close()} interrupts a run that is
 * still going.
 */
public final class GraphStream implements Iterator<GraphEvent>, AutoCloseable {
    private static final Object FAILED = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile RuntimeException failure;
    private Object next;
    private boolean ended;

    private GraphStream(Consumer<GraphListener> run) {
        this.worker = new Thread(() -> work(run), "ladder-graph-stream");
        worker.setDaemon(true);
    }

    static GraphStream start(Consumer<GraphListener> run) {
        GraphStream stream = new GraphStream(run);
        stream.worker.start();
        return stream;
    }

    private void work(Consumer<GraphListener> run) {
        try {
            run.accept(queue::add);
        } catch (RuntimeException e) {
            failure = e;
            queue.add(FAILED);
        }
    }

    @Override
    public boolean hasNext() {
        if (ended) {
            return false;
        }
        if (next == null) {
            next = take();
        }
        if (next == FAILED) {
            ended = true;
            throw failure;
        }
        return true;
    }

    @Override
    public GraphEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the run has finished");
        }
        GraphEvent event = (GraphEvent) next;
        next = null;
        if (event instanceof GraphEvent.Finished) {
            ended = true;
        }
        return event;
    }

    private Object take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("interrupted while waiting for the next graph event", e);
        }
    }

    /** Stops reading; interrupts the run if it is still going. */
    @Override
    public void close() {
        ended = true;
        worker.interrupt();
    }
}
