package dev.ladder.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened while a graph ran, delivered to a {@link GraphListener} or read from a
 * {@link GraphStream}. Events of one node arrive in order; events of nodes running in parallel
 * interleave. Events are immutable.
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

    /**
     * A superstep ended and its checkpoint was written: {@code state} holds every value after the
     * step's writes, {@code next} the nodes of the following step (empty when the run is done). The
     * input comes first, as step -1 of a new thread. Together these events stream the run's values.
     */
    record StepEnded(int step, State state, List<String> next) implements GraphEvent {
        public StepEnded {
            Objects.requireNonNull(state, "state");
            next = List.copyOf(next);
        }
    }

    /** The run stopped: it finished or is waiting on the interrupts of {@code result}. */
    record Finished(RunResult result) implements GraphEvent {
        public Finished {
            Objects.requireNonNull(result, "result");
        }
    }
}
