package dev.ladder.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Describes a graph of nodes over a typed state, then compiles it into a runnable
 * {@link CompiledGraph}.
 *
 * <pre>{@code
 * StateGraph graph = StateGraph.of(Schema.of(COUNT))
 *         .node("inc", ctx -> Update.of(COUNT, ctx.get(COUNT) + 1))
 *         .edge(StateGraph.START, "inc")
 *         .conditionalEdge("inc", s -> s.get(COUNT) < 3 ? "inc" : StateGraph.END);
 * }</pre>
 *
 * <p>Edges from one source to several targets run the targets in parallel in the next superstep.
 * A {@link #join join} runs its target once all of its sources have finished. Not thread-safe; the
 * compiled graph is.
 */
public final class StateGraph {
    /** The virtual node a run starts at. */
    public static final String START = "__start__";
    /** The virtual node a run ends at. */
    public static final String END = "__end__";

    private final Schema schema;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, NodeOptions> options = new LinkedHashMap<>();
    private final Map<String, List<String>> edges = new LinkedHashMap<>();
    private final List<Join> joins = new ArrayList<>();
    private final Map<String, List<Branch>> branches = new LinkedHashMap<>();

    private StateGraph(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** Starts describing a graph over {@code schema}. */
    public static StateGraph of(Schema schema) {
        return new StateGraph(schema);
    }

    /** Adds a node that runs once per attempt, without retry or time limit. */
    public StateGraph node(String name, Node node) {
        return node(name, node, NodeOptions.DEFAULT);
    }

    /**
     * Adds a node run under {@code options}.
     *
     * @throws IllegalArgumentException if the name is taken or reserved.
     */
    public StateGraph node(String name, Node node, NodeOptions options) {
        Objects.requireNonNull(name, "name");
        if (name.equals(START) || name.equals(END) || name.isBlank() || name.contains("+")) {
            throw new IllegalArgumentException("node name '" + name + "' is reserved or not allowed");
        }
        if (nodes.containsKey(name)) {
            throw new IllegalArgumentException("node '" + name + "' is already in the graph");
        }
        nodes.put(name, Objects.requireNonNull(node, "node"));
        this.options.put(name, Objects.requireNonNull(options, "options"));
        return this;
    }

    /** Adds an edge: after {@code from} finishes, {@code to} runs in the next superstep. */
    public StateGraph edge(String from, String to) {
        edges.computeIfAbsent(Objects.requireNonNull(from, "from"), k -> new ArrayList<>())
                .add(Objects.requireNonNull(to, "to"));
        return this;
    }

    /** Adds an edge that runs {@code to} once every node of {@code from} has finished. */
    public StateGraph join(List<String> from, String to) {
        if (from.size() < 2) {
            throw new IllegalArgumentException("a join needs at least two sources, got " + from);
        }
        joins.add(new Join(List.copyOf(from), Objects.requireNonNull(to, "to")));
        return this;
    }

    /** Adds a conditional edge: after {@code from}, {@code router} names the next node, or END. */
    public StateGraph conditionalEdge(String from, Function<State, String> router) {
        Objects.requireNonNull(router, "router");
        Function<State, List<Send>> route =
                state -> sends(from, Collections.singletonList(router.apply(state)), Function.identity());
        return branch(new Branch(from, route, List.of(), Map.of()));
    }

    /**
     * Adds a conditional edge whose router returns a label that {@code labels} maps to the next
     * node (or END). A label missing from the map fails the run with an error naming it.
     */
    public StateGraph conditionalEdge(String from, Function<State, String> router, Map<String, String> labels) {
        Objects.requireNonNull(router, "router");
        Map<String, String> map = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Function<State, List<Send>> route =
                state -> sends(from, Collections.singletonList(router.apply(state)), label -> label(from, map, label));
        return branch(new Branch(from, route, List.copyOf(map.values()), map));
    }

    /**
     * Adds a conditional edge whose router names any number of next nodes (END among them ends
     * nothing but that branch); they run in parallel in the next superstep. An empty list sends the
     * run nowhere from this edge.
     */
    public StateGraph conditionalEdges(String from, Function<State, List<String>> router) {
        Objects.requireNonNull(router, "router");
        Function<State, List<Send>> route = state -> sends(from, router.apply(state), Function.identity());
        return branch(new Branch(from, route, List.of(), Map.of()));
    }

    /**
     * Adds a conditional edge whose router returns any number of labels that {@code labels} maps to
     * next nodes (or END). A label missing from the map fails the run with an error naming it.
     */
    public StateGraph conditionalEdges(String from, Function<State, List<String>> router, Map<String, String> labels) {
        Objects.requireNonNull(router, "router");
        Map<String, String> map = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Function<State, List<Send>> route = state -> sends(from, router.apply(state), label -> label(from, map, label));
        return branch(new Branch(from, route, List.copyOf(map.values()), map));
    }

    /**
     * Adds a fan-out: after {@code from}, {@code router} returns sends, and each runs its node once
     * with the send's input in the next superstep. {@code targets} declares the nodes it may send to.
     */
    public StateGraph fanOut(String from, Function<State, List<Send>> router, String... targets) {
        Objects.requireNonNull(router, "router");
        return branch(new Branch(from, router, Arrays.asList(targets), Map.of()));
    }

    /**
     * Validates the graph and compiles it with {@code options}.
     *
     * @throws GraphValidationException naming the node at fault when an edge starts or ends at an
     *     unknown node, a node cannot be reached from START, or a node has no way out.
     */
    public CompiledGraph compile(GraphOptions options) {
        GraphSpec spec = new GraphSpec(
                schema, Map.copyOf(nodes), Map.copyOf(this.options), copy(edges), List.copyOf(joins), copy(branches));
        GraphValidator.validate(spec, new ArrayList<>(nodes.keySet()));
        options.checkNodes(spec);
        return new CompiledGraph(spec, options);
    }

    /** Validates and compiles the graph with default options and no checkpointer. */
    public CompiledGraph compile() {
        return compile(GraphOptions.builder().build());
    }

    private StateGraph branch(Branch branch) {
        branches.computeIfAbsent(Objects.requireNonNull(branch.source(), "from"), k -> new ArrayList<>())
                .add(branch);
        return this;
    }

    private static List<Send> sends(String from, List<String> names, Function<String, String> target) {
        if (names == null) {
            throw new GraphException("the router after node '" + from + "' returned null: return a list of nodes");
        }
        List<Send> sends = new ArrayList<>(names.size());
        for (String name : names) {
            if (name == null) {
                throw new GraphException(
                        "the router after node '" + from + "' returned null: return a node name or END");
            }
            sends.add(new Send(target.apply(name), Update.empty()));
        }
        return sends;
    }

    private static String label(String from, Map<String, String> labels, String label) {
        String target = labels.get(label);
        if (target == null) {
            throw new GraphException("the router after node '" + from + "' returned '" + label
                    + "', which its label map does not contain; labels: " + labels.keySet());
        }
        return target;
    }

    private static <V> Map<String, List<V>> copy(Map<String, List<V>> map) {
        Map<String, List<V>> copy = new LinkedHashMap<>();
        map.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
