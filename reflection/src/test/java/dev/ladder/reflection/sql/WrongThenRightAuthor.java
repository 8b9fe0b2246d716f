package dev.ladder.reflection.sql;

import dev.ladder.core.AssistantMessage;
import dev.ladder.core.ChatRequest;
import dev.ladder.core.ChatResponse;
import dev.ladder.core.FinishReason;
import dev.ladder.core.UserMessage;
import dev.ladder.core.testing.ScriptedChatModel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a model that makes the mistakes real models make on Spider (plural table names, wrong
 * letter case in a literal) and corrects them only when the prompt shows the real database error
 * that the mistake causes. Every fourth question gets a plural table name, every fourth (offset 2)
 * a lower-cased string literal; the rest are answered with the gold SQL.
 */
final class WrongThenRightAuthor {
    private static final Pattern QUESTION = Pattern.compile("\nQuestion: (.*)\n");
    private static final Pattern FIRST_TABLE = Pattern.compile("(?i)\\bFROM\\s+([A-Za-z]+)");
    private static final Pattern LITERAL = Pattern.compile("(['\"])([^'\"]*[A-Z][^'\"]*)\\1");

    private final Map<String, String> gold = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();

    private WrongThenRightAuthor(List<SqlExample> examples) {
        for (int i = 0; i < examples.size(); i++) {
            gold.putIfAbsent(examples.get(i).question(), examples.get(i).goldSql());
            index.putIfAbsent(examples.get(i).question(), i);
        }
    }

    /** Returns a scripted model that can answer {@code calls} requests about {@code examples}. */
    static ScriptedChatModel model(List<SqlExample> examples, int calls) {
        WrongThenRightAuthor author = new WrongThenRightAuthor(examples);
        ScriptedChatModel model = ScriptedChatModel.create();
        for (int i = 0; i < calls; i++) {
            model.respond(request -> author.answer(model, request));
        }
        return model;
    }

    /** Returns the SQL this author writes first for {@code example} at position {@code i}. */
    static String firstSql(SqlExample example, int i) {
        String sql = example.goldSql();
        if (i % 4 == 0) {
            Matcher table = FIRST_TABLE.matcher(sql);
            if (table.find()) {
                return sql.substring(0, table.start(1)) + plural(table.group(1)) + sql.substring(table.end(1));
            }
        }
        if (i % 4 == 2) {
            Matcher literal = LITERAL.matcher(sql);
            if (literal.find()) {
                String lower = literal.group(2).toLowerCase(Locale.ROOT);
                return sql.substring(0, literal.start(2)) + lower + sql.substring(literal.end(2));
            }
        }
        return sql;
    }

    static String plural(String table) {
        return table.toLowerCase(Locale.ROOT) + "s";
    }

    private ChatResponse answer(ScriptedChatModel model, ChatRequest request) {
        String prompt = ((UserMessage) request.messages().get(request.messages().size() - 1)).text();
        Matcher question = QUESTION.matcher(prompt);
        if (!question.find() || !gold.containsKey(question.group(1))) {
            throw new IllegalStateException("the prompt names no known question: " + prompt);
        }
        String q = question.group(1);
        String first = firstSql(new SqlExample(q, gold.get(q)), index.get(q));
        String sql = sawTheError(prompt, first) ? gold.get(q) : first;
        String reply = "Here is the query:\n\n```sql\n" + sql + ";\n```\n";
        return model.response(new AssistantMessage(reply, null, List.of()), FinishReason.STOP);
    }

    private static boolean sawTheError(String prompt, String first) {
        Matcher table = FIRST_TABLE.matcher(first);
        String wrongTable = table.find() ? table.group(1) : "";
        return prompt.contains("(no such table: " + wrongTable + ")")
                || prompt.contains("ERROR: relation \"" + wrongTable + "\" does not exist")
                || prompt.contains("The query ran but returned no rows.");
    }
}
