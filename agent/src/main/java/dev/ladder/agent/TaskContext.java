package dev.ladder.agent;

import java.util.List;

/** The {@link NodeContext} of one task. */
final class TaskContext implements NodeContext {
    private final State state;
    private final Task task;
    private final int step;
    private final List<Object> answers;
    private final Events events;
    private int asked;

    TaskContext(State state, Task task, int step, List<Object> answers, Events events) {
        this.state = state;
        this.task = task;
        this.step = step;
        this.answers = answers;
        this.events = events;
    }

    /** Prepares the context for another attempt: interrupts are matched from the first again. */
    void restart() {
        asked = 0;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String node() {
        return task.node();
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public <T> T interrupt(Object payload, Class<T> type) {
        int index = asked++;
        if (index >= answers.size()) {
            throw new InterruptSignal(payload);
        }
        Object answer = answers.get(index);
        try {
            return Json.convert(answer, type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the answer to interrupt " + index + " of node '" + task.node() + "' cannot be read as "
                            + type.getName() + ": " + answer,
                    e);
        }
    }

    @Override
    public void emitToken(String text) {
        events.emit(new GraphEvent.Token(step, task.node(), text));
    }
}
