package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ladder.peft.testing.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact counts against what OpenAI billed for recorded answers, and the heuristic's error measured
 * against the exact counts on three kinds of real text.
 */
class TokenCountTest {
    private static final TokenEstimator EXACT = TiktokenEstimator.o200k();

    /** A recorded chat completion of gpt-4o: its answers and the completion tokens OpenAI counted. */
    record Recorded(String test, List<String> answers, long completionTokens) {
        @Override
        public String toString() {
            return test;
        }
    }

    static List<Recorded> recordedTextAnswers() {
        List<Recorded> recorded = new ArrayList<>();
        for (String line : Payloads.text("openai-python-sse/nonstreaming_recorded_responses.jsonl")
                .lines()
                .toList()) {
            Map<?, ?> entry = (Map<?, ?>) Payloads.parse(line);
            Map<?, ?> response = (Map<?, ?>) entry.get("response");
            List<String> answers = new ArrayList<>();
            for (Object choice : (List<?>) response.get("choices")) {
                Object content = ((Map<?, ?>) ((Map<?, ?>) choice).get("message")).get("content");
                if (content instanceof String text) {
                    answers.add(text);
                }
            }
            Number tokens = (Number) ((Map<?, ?>) response.get("usage")).get("completion_tokens");
            if (answers.size() == ((List<?>) response.get("choices")).size()) {
                recorded.add(new Recorded((String) entry.get("test"), answers, tokens.longValue()));
            }
        }
        return recorded;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedTextAnswers")
    void o200kCountsWhatOpenAiBilledForEachAnswer(Recorded recorded) {
        long counted = recorded.answers().stream().mapToLong(EXACT::count).sum();

        assertThat(counted).isEqualTo(recorded.completionTokens());
    }

    @Test
    void everyRecordedTextAnswerTakesPart() {
        assertThat(recordedTextAnswers()).hasSize(9);
    }

    @Test
    void heuristicIsWithinTwoPercentOnTheCookbookChatFile() {
        String toy = Payloads.text("openai-cookbook/toy_chat_fine_tuning.jsonl");

        assertThat(ratio(toy)).isCloseTo(1.0, within(0.02));
    }

    @Test
    void heuristicUndercountsProseWithCodeByAboutATenth() {
        String reference = Payloads.text("ollama/api.md");

        assertThat(ratio(reference)).isCloseTo(0.90, within(0.05));
    }

    @Test
    void heuristicOvercountsShortJsonAnswersByAboutAThird() {
        String answers = String.join(
                "\n",
                recordedTextAnswers().stream()
                        .flatMap(r -> r.answers().stream())
                        .toList());

        assertThat(ratio(answers)).isCloseTo(1.33, within(0.1));
    }

    @ParameterizedTest
    @CsvSource({
        "gpt-4o-mini-2024-07-18, o200k_base",
        "gpt-4.1-nano, o200k_base",
        "o4-mini, o200k_base",
        "ft:gpt-4o-mini-2024-07-18:my-org::abc123, o200k_base",
        "gpt-4-0613, cl100k_base",
        "gpt-3.5-turbo-0125, cl100k_base"
    })
    void picksTheEncodingOfAnOpenAiModel(String model, String encoding) {
        assertThat(TiktokenEstimator.forModel(model).encoding()).isEqualTo(encoding);
    }

    @Test
    void refusesAModelWithoutAKnownEncoding() {
        assertThatThrownBy(() -> TiktokenEstimator.forModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no OpenAI encoding is known for model 'meta-llama/Meta-Llama-3.1-8B-Instruct-Reference':"
                        + " use TiktokenEstimator.o200k() (recent OpenAI models; an approximation for others) or"
                        + " cl100k()");
    }

    @Test
    void validatorCountsExactlyWithAnExactEstimator() {
        ValidationReport report =
                DatasetValidator.builder().tokenEstimator(EXACT).build().validate(ToyDatasetTest.TOY);

        assertThat(report.examples().get(0).trainedTokens())
                .isEqualTo(EXACT.count("It's great that you're getting exercise outdoors!"));
    }

    private static double ratio(String text) {
        return (double) TokenEstimator.heuristic().count(text) / EXACT.count(text);
    }
}
