package dev.ladder.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.FinishReason;
import dev.ladder.core.Message;
import dev.ladder.core.Usage;
import dev.ladder.core.UserMessage;
import dev.ladder.core.prompt.ChatPrompt;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final EvalDataset CAPITALS = EvalDataset.of(
            "capitals",
            EvalCase.of("fr", "France", "Paris"),
            EvalCase.of("it", "Italy", "Rome"),
            EvalCase.of("es", "Spain", "Madrid"));
    private static final Map<String, String> ATLAS = Map.of("France", "Paris", "Italy", "Rome", "Spain", "Madrid");

    @Test
    void runsEveryCaseThroughEveryStrategySideBySide() {
        EvalReport report = Evaluation.builder()
                .dataset(CAPITALS)
                .strategy("atlas", Strategy.ofFunction(ATLAS::get))
                .strategy("guess", Strategy.ofFunction(country -> "Paris"))
                .build()
                .run();

        assertThat(report.summaries())
                .extracting(StrategySummary::strategy, StrategySummary::passed, StrategySummary::cases)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("atlas", 3, 3),
                        org.assertj.core.groups.Tuple.tuple("guess", 1, 3));
    }

    @Test
    void keepsResultsInStrategyThenCaseOrder() {
        EvalReport report = Evaluation.builder()
                .dataset(CAPITALS)
                .strategy("atlas", Strategy.ofFunction(ATLAS::get))
                .strategy("guess", Strategy.ofFunction(country -> "Paris"))
                .maxConcurrency(3)
                .build()
                .run();

        assertThat(report.results())
                .extracting(result -> result.strategy() + "/" + result.caseId())
                .containsExactly("atlas/fr", "atlas/it", "atlas/es", "guess/fr", "guess/it", "guess/es");
    }

    @Test
    void neverHasMoreCasesInFlightThanTheBound() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Strategy slow = testCase -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            awaitUntil(() -> most.get() >= 3);
            inFlight.decrementAndGet();
            return Answer.of(testCase.expected());
        };
        List<EvalCase> cases = IntStream.range(0, 12)
                .mapToObj(i -> EvalCase.of("c" + i, "q" + i, "a" + i))
                .toList();

        Evaluation.builder()
                .dataset(new EvalDataset("many", cases))
                .strategy("slow", slow)
                .maxConcurrency(3)
                .build()
                .run();

        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void countsAFailingCaseAsWrongWithItsErrorAndRunsTheRest() {
        Strategy flaky = testCase -> {
            if (testCase.id().equals("it")) {
                throw new IllegalStateException("no answer for Italy");
            }
            return Answer.of(ATLAS.get(testCase.input()));
        };

        EvalReport report = Evaluation.builder()
                .dataset(CAPITALS)
                .strategy("flaky", flaky)
                .build()
                .run();

        assertThat(report.results("flaky"))
                .extracting(CaseResult::caseId, CaseResult::passed, CaseResult::error)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fr", true, null),
                        org.assertj.core.groups.Tuple.tuple("it", false, "IllegalStateException: no answer for Italy"),
                        org.assertj.core.groups.Tuple.tuple("es", true, null));
        assertThat(report.summary("flaky").orElseThrow().errors()).isEqualTo(1);
    }

    @Test
    void countsAScorerFailureAsWrongKeepingTheAnswer() {
        Scorer broken = (testCase, answer) -> {
            throw new IllegalArgumentException("cannot judge " + testCase.id());
        };
        EvalDataset one = EvalDataset.of("one", EvalCase.scored("fr", "France", broken));

        EvalReport report = Evaluation.builder()
                .dataset(one)
                .strategy("atlas", Strategy.ofFunction(ATLAS::get))
                .build()
                .run();

        CaseResult result = report.results().get(0);
        assertThat(result.answer()).isEqualTo("Paris");
        assertThat(result.error()).isEqualTo("IllegalArgumentException: cannot judge fr");
    }

    @Test
    void prefersTheCasesOwnScorer() {
        EvalDataset mixed = EvalDataset.of(
                "mixed",
                EvalCase.of("fr", "France", "PARIS"),
                EvalCase.scored("it", "Italy", Scorers.predicate("Rome", "Rome"::equals)));

        EvalReport report = Evaluation.builder()
                .dataset(mixed)
                .strategy("atlas", Strategy.ofFunction(ATLAS::get))
                .scorer(Scorers.normalizedMatch())
                .build()
                .run();

        assertThat(report.results()).extracting(CaseResult::passed).containsExactly(true, true);
    }

    @Test
    void reportsProgressOncePerRunCountingUp() {
        List<Integer> completed = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();

        Evaluation.builder()
                .dataset(CAPITALS)
                .strategy("atlas", Strategy.ofFunction(ATLAS::get))
                .strategy("guess", Strategy.ofFunction(country -> "Paris"))
                .onProgress(progress -> {
                    completed.add(progress.completed());
                    totals.add(progress.total());
                })
                .build()
                .run();

        assertThat(completed).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(totals).containsOnly(6);
    }

    @Test
    void goesOnWhenTheProgressListenerThrows() {
        EvalReport report = Evaluation.builder()
                .dataset(CAPITALS)
                .strategy("atlas", Strategy.ofFunction(ATLAS::get))
                .onProgress(progress -> {
                    throw new IllegalStateException("listener broke");
                })
                .build()
                .run();

        assertThat(report.summary("atlas").orElseThrow().accuracy()).isEqualTo(1.0);
    }

    @Test
    void sumsTheTokensOfAChatModelStrategy() {
        ScriptedChatModel model = ScriptedChatModel.create();
        for (int i = 0; i < 3; i++) {
            model.respond(request -> {
                String country =
                        ((UserMessage) request.messages().get(request.messages().size() - 1)).text();
                String answer = ATLAS.get(country.replace("Capital of ", "").replace("?", ""));
                return model.response(Message.assistant(answer), FinishReason.STOP);
            });
        }
        ChatPrompt prompt = ChatPrompt.of("Capital of {{country}}?");

        EvalReport report = Evaluation.builder()
                .dataset(CAPITALS)
                .strategy("prompt", Strategy.of(model, prompt, "country"))
                .build()
                .run();

        StrategySummary summary = report.summary("prompt").orElseThrow();
        assertThat(summary.accuracy()).isEqualTo(1.0);
        assertThat(summary.usage()).isEqualTo(new Usage(30, 3, 0, 0));
    }

    @Test
    void rejectsTwoStrategiesOfTheSameName() {
        Evaluation.Builder builder = Evaluation.builder().strategy("atlas", Strategy.ofFunction(ATLAS::get));

        assertThatThrownBy(() -> builder.strategy("atlas", Strategy.ofFunction(ATLAS::get)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a strategy named 'atlas' was already added: give each strategy its own name");
    }

    @Test
    void needsAStrategy() {
        assertThatThrownBy(() -> Evaluation.builder().dataset(CAPITALS).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an evaluation needs at least one strategy: call strategy(name, ..)");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
