package dev.ladder.agent;

import java.util.List;

/** An edge that runs {@code target} once every one of {@code sources} has finished. */
record Join(List<String> sources, String target) {

    /** Returns the key under which a checkpoint records the sources seen so far. */
    String id() {
        return String.join("+", sources) + "->" + target;
    }
}
