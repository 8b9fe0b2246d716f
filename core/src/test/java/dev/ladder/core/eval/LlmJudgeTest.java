package dev.ladder.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ladder.core.LadderException;
import dev.ladder.core.Message;
import dev.ladder.core.Usage;
import dev.ladder.core.testing.ScriptedChatModel;
import org.junit.jupiter.api.Test;

class LlmJudgeTest {
    private static final String RUBRIC = "5: names the capital and nothing false; 1: wrong city.";
    private static final EvalCase CAPITAL = EvalCase.of("q1", "Capital of France?", "Paris");

    @Test
    void passesAnAnswerScoredAtThePassingMark() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("Names Paris correctly.\nScore: 4");

        assertThat(LlmJudge.of(judge, RUBRIC).score(CAPITAL, Answer.of("It is Paris.")))
                .isEqualTo(new Score(true, 0.75, "Names Paris correctly.", new Usage(10, 7, 0, 0)));
    }

    @Test
    void failsAnAnswerScoredBelowThePassingMark() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("Wrong city.\n**Score:** 2");

        assertThat(LlmJudge.of(judge, RUBRIC).score(CAPITAL, Answer.of("Lyon")))
                .isEqualTo(new Score(false, 0.25, "Wrong city.", new Usage(10, 6, 0, 0)));
    }

    @Test
    void countsTheJudgesTokensApartFromTheStrategys() {
        ScriptedChatModel judge =
                ScriptedChatModel.create().reply("Names Paris.\nScore: 5").reply("Wrong city.\nScore: 1");
        EvalReport report = Evaluation.builder()
                .dataset(EvalDataset.of("capitals", CAPITAL, EvalCase.of("q2", "Capital of Italy?", "Rome")))
                .strategy("fixed", Strategy.ofFunction(question -> "Paris"))
                .scorer(LlmJudge.of(judge, RUBRIC))
                .maxConcurrency(1)
                .build()
                .run();

        StrategySummary summary = report.summaries().get(0);
        assertThat(summary.usage()).isEqualTo(Usage.ZERO);
        assertThat(summary.scoringUsage()).isEqualTo(new Usage(20, 10, 0, 0));
        assertThat(report.table()).contains("judge tokens");
    }

    @Test
    void readsTheLastScoreInTheReply() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("A score: 5 would need more detail.\nScore: 3");

        assertThat(LlmJudge.of(judge, RUBRIC)
                        .score(CAPITAL, Answer.of("Paris, I think"))
                        .value())
                .isEqualTo(0.5);
    }

    @Test
    void showsTheJudgeRubricQuestionReferenceAndAnswer() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("Fine.\nScore: 5");

        LlmJudge.builder(judge, RUBRIC).model("gpt-4o").build().score(CAPITAL, Answer.of("Paris"));

        assertThat(judge.lastRequest().model()).isEqualTo("gpt-4o");
        assertThat(judge.lastRequest().messages())
                .containsExactly(
                        Message.system("You grade answers against a rubric. Apply the rubric strictly and judge only"
                                + " the answer to grade. Reply with one or two sentences of reasoning, then a last"
                                + " line of the form \"Score: N\", where N is a whole number from 1 to 5."),
                        Message.user("Rubric:\n" + RUBRIC + "\n\nQuestion:\nCapital of France?\n\n"
                                + "Reference answer:\nParis\n\nAnswer to grade:\nParis"));
    }

    @Test
    void leavesOutTheReferenceWhenTheCaseHasNone() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("Funny.\nScore: 5");
        EvalCase joke = new EvalCase("j1", "Tell a joke", null, null);

        LlmJudge.of(judge, "5: funny").score(joke, Answer.of("Knock knock."));

        assertThat(judge.lastRequest().messages().get(1))
                .isEqualTo(
                        Message.user("Rubric:\n5: funny\n\nQuestion:\nTell a joke\n\nAnswer to grade:\nKnock knock."));
    }

    @Test
    void usesTheScaleAndPassingMarkGiven() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("Good.\nScore: 7");
        LlmJudge tenPoint =
                LlmJudge.builder(judge, RUBRIC).scale(0, 10).passAt(6).build();

        assertThat(tenPoint.score(CAPITAL, Answer.of("Paris")))
                .isEqualTo(new Score(true, 0.7, "Good.", new Usage(10, 3, 0, 0)));
    }

    @Test
    void rejectsAReplyWithoutAScore() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("Looks right to me.");

        assertThatThrownBy(() -> LlmJudge.of(judge, RUBRIC).score(CAPITAL, Answer.of("Paris")))
                .isInstanceOf(LadderException.class)
                .hasMessage("the judge's reply has no line \"Score: N\": \"Looks right to me.\"");
    }

    @Test
    void rejectsAScoreOffTheScale() {
        ScriptedChatModel judge = ScriptedChatModel.create().reply("Perfect.\nScore: 9");

        assertThatThrownBy(() -> LlmJudge.of(judge, RUBRIC).score(CAPITAL, Answer.of("Paris")))
                .isInstanceOf(LadderException.class)
                .hasMessage("the judge gave score 9, off its scale of 1 to 5: \"Perfect.\\nScore: 9\"");
    }

    @Test
    void rejectsAPassingMarkOffTheScale() {
        assertThatThrownBy(() -> LlmJudge.builder(ScriptedChatModel.create(), RUBRIC)
                        .passAt(6)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passAt 6.0 is off the scale of 1 to 5: choose a score on it");
    }
}
