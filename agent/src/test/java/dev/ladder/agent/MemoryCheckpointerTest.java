package dev.ladder.agent;

class MemoryCheckpointerTest extends CheckpointerContract {
    private final MemoryCheckpointer shared = MemoryCheckpointer.create();
    private MemoryCheckpointer retaining;

    @Override
    Checkpointer checkpointer() {
        return shared;
    }

    @Override
    Checkpointer reopen() {
        return shared;
    }

    @Override
    Checkpointer checkpointerFor(Schema schema) {
        return shared;
    }

    @Override
    Checkpointer withRetention(Retention retention) {
        retaining = MemoryCheckpointer.create(retention);
        return retaining;
    }

    @Override
    int storedWrites(String threadId) {
        return retaining.history(threadId).stream()
                .mapToInt(c -> c.writes().size())
                .sum();
    }
}
