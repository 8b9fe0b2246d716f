package dev.ladder.agent;

/** Carries an update a subgraph's node addressed to its parent out of the subgraph's run. */
final class ParentCommand extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Update update;
    private final String node;

    ParentCommand(String node, Update update) {
        super("node '" + node + "' sent an update to the parent graph", null, false, false);
        this.node = node;
        this.update = update;
    }

    /** Returns the update as the parent applies it. */
    Update update() {
        return update.withoutParent();
    }

    /** Returns the node that sent it. */
    String node() {
        return node;
    }
}
