package dev.ladder.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that happened while a graph ran, delivered to a {@link GraphListener} or read from a
 * {@link GraphStream}. Events of one node arrive in order; events of nodes running in parallel
 * interleave.
 */
public sealed interface GraphEvent {

    /** A node started, in superstep {@code step}. */
    record NodeStarted(int step, String node, String taskId) implements GraphEvent {
        public NodeStarted {
            Objects.requireNonNull(node, "node");
        }
    }

    /** A node returned {@code update}. */
    record NodeUpdated(int step, String node, String taskId, Update update) implements GraphEvent {
        public NodeUpdated {
            Objects.requireNonNull(update, "update");
        }
    }

    /** A node finished, successfully or not, after {@code took}. */
    record NodeEnded(int step, String node, String taskId, Duration took, boolean failed) implements GraphEvent {
        public NodeEnded {
            Objects.requireNonNull(took, "took");
        }
    }

    /** A node streamed a piece of generated text. */
    record Token(int step, String node, String text) implements GraphEvent {
        public Token {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The run stopped: it finished or is waiting on the interrupts of {@code result}. */
    record Finished(RunResult result) implements GraphEvent {
        public Finished {
            Objects.requireNonNull(result, "result");
        }
    }
}
