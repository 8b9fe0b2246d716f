package dev.ladder.peft.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatValidationTest {
    private static final String SYSTEM = "{\"role\": \"system\", \"content\": \"Be brief.\"}";
    private static final String USER = "{\"role\": \"user\", \"content\": \"What is 2+2?\"}";
    private static final String ASSISTANT = "{\"role\": \"assistant\", \"content\": \"4\"}";
    private static final String CALL = "{\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"call_1\", \"type\":"
            + " \"function\", \"function\": {\"name\": \"add\", \"arguments\": \"{\\\"a\\\": 2, \\\"b\\\": 2}\"}}]}";
    private static final String RESULT = "{\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"4\"}";
    private static final String TOOLS = "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"add\"}}]";

    private final DatasetValidator validator =
            DatasetValidator.builder().minExamples(1).build();

    @TempDir
    Path dir;

    @Test
    void acceptsSystemUserAssistant() {
        ValidationReport report = check(messages(SYSTEM, USER, ASSISTANT));

        assertThat(report.issues()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void acceptsToolCallAnsweredByToolMessage() {
        ValidationReport report = check(
                "{" + TOOLS + ", \"messages\": [" + String.join(", ", SYSTEM, USER, CALL, RESULT, ASSISTANT) + "]}");

        assertThat(report.issues()).isEmpty();
    }

    @Test
    void reportsInvalidJsonWithLineNumber() {
        ValidationReport report = check(messages(SYSTEM, USER, ASSISTANT), "{\"messages\": [");

        assertThat(report.issues())
                .extracting(Issue::line, Issue::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "invalid_json"));
        assertThat(report.issues().get(0).message())
                .startsWith("not valid JSON (")
                .endsWith("): each line must be" + " one JSON object");
    }

    @Test
    void reportsLineThatIsNotAnObject() {
        assertThat(onlyIssue(check("[1, 2]")))
                .isEqualTo(new Issue(
                        1,
                        Severity.ERROR,
                        "not_object",
                        "a JSON array, not an object: each line must" + " be one JSON object"));
    }

    @Test
    void reportsMissingMessages() {
        assertThat(onlyIssue(check("{\"messages\": \"hi\"}")))
                .isEqualTo(new Issue(1, Severity.ERROR, "missing_messages", "'messages' must be an array of messages"));
    }

    @Test
    void reportsUnknownRole() {
        assertThat(check(messages(SYSTEM, "{\"role\": \"bot\", \"content\": \"hi\"}", USER, ASSISTANT))
                        .issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "unknown_role",
                        "message 2 has unknown role 'bot': use" + " one of system, developer, user, assistant, tool"));
    }

    @Test
    void reportsUnrecognizedMessageKey() {
        String user = "{\"role\": \"user\", \"content\": \"hi\", \"mood\": \"happy\"}";

        assertThat(onlyIssue(check(messages(SYSTEM, user, ASSISTANT))))
                .isEqualTo(new Issue(
                        1,
                        Severity.ERROR,
                        "unrecognized_key",
                        "message 2 (user) has unrecognized key" + " 'mood': remove it"));
    }

    @Test
    void reportsSystemMessageAfterConversationStarted() {
        assertThat(onlyIssue(check(messages(SYSTEM, USER, SYSTEM, ASSISTANT))))
                .isEqualTo(new Issue(
                        1,
                        Severity.ERROR,
                        "system_after_turn",
                        "message 3 (system) comes after the" + " conversation started: put system messages first"));
    }

    @Test
    void reportsMissingContent() {
        assertThat(onlyIssue(check(messages(SYSTEM, "{\"role\": \"user\"}", ASSISTANT))))
                .isEqualTo(new Issue(1, Severity.ERROR, "missing_content", "message 2 (user) has no \"content\""));
    }

    @Test
    void reportsEmptyAssistantContent() {
        String empty = "{\"role\": \"assistant\", \"content\": \" \"}";

        assertThat(check(messages(SYSTEM, USER, empty)).issuesAt(1))
                .contains(new Issue(1, Severity.ERROR, "empty_content", "message 3 (assistant) has empty content"));
    }

    @Test
    void reportsWeightOtherThanZeroOrOne() {
        String weighted = "{\"role\": \"assistant\", \"content\": \"4\", \"weight\": 2}";

        assertThat(onlyIssue(check(messages(SYSTEM, USER, weighted))))
                .isEqualTo(new Issue(
                        1,
                        Severity.ERROR,
                        "invalid_weight",
                        "weight of message 3 (assistant) must be 0" + " or 1 but was 2.0"));
    }

    @Test
    void reportsNoAssistantTurnToLearnFromWhenAllWeightsAreZero() {
        String ignored = "{\"role\": \"assistant\", \"content\": \"4\", \"weight\": 0}";

        assertThat(onlyIssue(check(messages(SYSTEM, USER, ignored))))
                .isEqualTo(new Issue(
                        1,
                        Severity.ERROR,
                        "no_assistant_turn",
                        "no assistant turn to learn from: add an" + " assistant message (weight 1)"));
    }

    @Test
    void excludesZeroWeightTurnsFromTrainedTokens() {
        String ignored = "{\"role\": \"assistant\", \"content\": \"four four four\", \"weight\": 0}";

        ValidationReport report = check(messages(SYSTEM, USER, ignored, USER, ASSISTANT));

        assertThat(report.examples().get(0).trainedTokens()).isEqualTo(1);
    }

    @Test
    void warnsAboutTrailingUserTurn() {
        assertThat(onlyIssue(check(messages(SYSTEM, USER, ASSISTANT, USER))))
                .isEqualTo(new Issue(
                        1,
                        Severity.WARNING,
                        "trailing_turn",
                        "ends with a user message after the last" + " assistant turn: nothing is learned from it"));
    }

    @Test
    void reportsToolCallWithInvalidArguments() {
        String call = CALL.replace("{\\\"a\\\": 2, \\\"b\\\": 2}", "{a: 2");

        assertThat(check(messages(SYSTEM, USER, call, RESULT, ASSISTANT)).issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "invalid_tool_call",
                        "arguments of tool call 1 of" + " message 3 ('call_1') are not valid JSON: {a: 2"));
    }

    @Test
    void reportsToolCallWithoutFunctionName() {
        String call = CALL.replace("\"name\": \"add\", ", "");

        assertThat(onlyIssue(check(messages(SYSTEM, USER, call, ASSISTANT))))
                .isEqualTo(
                        new Issue(
                                1,
                                Severity.ERROR,
                                "invalid_tool_call",
                                "tool call 1 of message 3 needs \"id\","
                                        + " \"type\": \"function\" and a \"function\" with \"name\" and \"arguments\" (a JSON string)"));
    }

    @Test
    void reportsToolMessageWithUnknownCallId() {
        String result = RESULT.replace("call_1", "call_9");

        assertThat(check(messages(SYSTEM, USER, CALL, result)).issues())
                .contains(new Issue(
                        1,
                        Severity.ERROR,
                        "unknown_tool_call_id",
                        "message 4 (tool) answers tool call"
                                + " 'call_9', which the assistant turn before it did not make"));
    }

    @Test
    void reportsToolMessageWithoutPrecedingCall() {
        assertThat(check(messages(SYSTEM, USER, RESULT, ASSISTANT)).issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "tool_without_call",
                        "message 3 (tool) answers no tool"
                                + " call: it must follow an assistant message with tool_calls"));
    }

    @Test
    void reportsToolCallLeftUnanswered() {
        assertThat(check(messages(SYSTEM, USER, CALL, USER, ASSISTANT)).issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "unanswered_tool_call",
                        "tool call(s) call_1 get no"
                                + " tool message before message 4: add a tool message with each tool_call_id"));
    }

    @Test
    void reportsCallToUndeclaredTool() {
        String tools = TOOLS.replace("\"add\"", "\"multiply\"");

        assertThat(check("{" + tools + ", \"messages\": [" + String.join(", ", SYSTEM, USER, CALL, RESULT, ASSISTANT)
                                + "]}")
                        .issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "unknown_tool",
                        "tool call 1 of message 3 calls 'add',"
                                + " which 'tools' does not declare: declare it or fix the name"));
    }

    @Test
    void reportsMalformedToolDeclaration() {
        String tools = "\"tools\": [{\"type\": \"function\"}]";

        assertThat(check("{" + tools + ", \"messages\": [" + String.join(", ", SYSTEM, USER, ASSISTANT) + "]}")
                        .issues())
                .containsExactly(new Issue(
                        1,
                        Severity.ERROR,
                        "invalid_tools",
                        "tool 1 in 'tools' needs \"type\":"
                                + " \"function\" and a \"function\" object with a \"name\""));
    }

    @Test
    void acceptsUserContentParts() {
        String user = "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"What is this?\"},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/a.png\"}}]}";

        assertThat(check(messages(SYSTEM, user, ASSISTANT)).issues()).isEmpty();
    }

    @Test
    void warnsAboutBlankLine() {
        ValidationReport report = check(messages(SYSTEM, USER, ASSISTANT), "", messages(SYSTEM, USER, ASSISTANT));

        assertThat(report.issues())
                .containsExactly(new Issue(
                        2,
                        Severity.WARNING,
                        "blank_line",
                        "blank line is skipped: remove it, some" + " providers reject JSONL with empty lines"));
        assertThat(report.exampleCount()).isEqualTo(2);
    }

    @Test
    void reportsTooManyExamples() {
        DatasetValidator strict =
                DatasetValidator.builder().minExamples(1).maxExamples(1).build();
        String line = messages(SYSTEM, USER, ASSISTANT);

        ValidationReport report = strict.validate(new BufferedReader(new StringReader(line + "\n" + line)), "t");

        assertThat(report.issues())
                .containsExactly(new Issue(
                        0,
                        Severity.ERROR,
                        "too_many_examples",
                        "2 examples, more than the maximum" + " of 1: split the dataset"));
    }

    @Test
    void reportsFileLargerThanLimit() throws Exception {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, messages(SYSTEM, USER, ASSISTANT) + "\n");
        DatasetValidator small =
                DatasetValidator.builder().minExamples(1).maxFileBytes(10).build();

        assertThat(small.validate(file).issues())
                .containsExactly(new Issue(
                        0,
                        Severity.ERROR,
                        "file_too_large",
                        Files.size(file) + " bytes, over the"
                                + " limit of 10: split the dataset or raise maxFileBytes"));
    }

    @Test
    void reportsFileThatIsNotUtf8() throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});

        assertThat(validator.validate(file).issues())
                .contains(new Issue(
                        1,
                        Severity.ERROR,
                        "not_utf8",
                        "not valid UTF-8; validation stopped here: save the" + " file as UTF-8"));
    }

    @Test
    void rejectsMinimumAboveMaximum() {
        DatasetValidator.Builder builder =
                DatasetValidator.builder().minExamples(5).maxExamples(4);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minExamples 5 exceeds maxExamples 4: lower one of them");
    }

    static String messages(String... messages) {
        return "{\"messages\": [" + String.join(", ", messages) + "]}";
    }

    private ValidationReport check(String... lines) {
        return validator.validate(new BufferedReader(new StringReader(String.join("\n", lines))), "test");
    }

    private static Issue onlyIssue(ValidationReport report) {
        assertThat(report.issues()).hasSize(1);
        return report.issues().get(0);
    }
}
