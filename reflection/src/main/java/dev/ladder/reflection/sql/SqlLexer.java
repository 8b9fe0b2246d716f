package dev.ladder.reflection.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens the way the database would, dropping comments, so that checks see keywords
 * only where the database sees them. Where SQLite and PostgreSQL differ (nested comments, bracket and
 * backtick identifiers) it follows the given dialect; constructs it does not model (dollar quotes,
 * escape strings) are refused rather than guessed at.
 */
final class SqlLexer {

    /** Kinds of token. */
    enum Kind {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        SEMICOLON,
        SYMBOL
    }

    /** One token; {@code text} is the identifier without quotes for quoted identifiers. */
    record Token(Kind kind, String text, int start, int end) {}

    /** Thrown for SQL the lexer will not tokenize; the message says why. */
    static final class LexException extends Exception {
        private static final long serialVersionUID = 1L;

        LexException(String message) {
            super(message);
        }
    }

    private final String sql;
    private final SqlDialect dialect;
    private int pos;

    private SqlLexer(String sql, SqlDialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    /** Returns the tokens of {@code sql}, comments removed. */
    static List<Token> tokenize(String sql, SqlDialect dialect) throws LexException {
        return new SqlLexer(sql, dialect).tokens();
    }

    private List<Token> tokens() throws LexException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= sql.length()) {
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() throws LexException {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int end = sql.indexOf('\n', pos);
                pos = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() throws LexException {
        int start = pos;
        int depth = 0;
        do {
            if (pos >= sql.length()) {
                throw new LexException("unterminated /* comment at position " + start);
            }
            if (sql.startsWith("/*", pos) && (depth == 0 || dialect == SqlDialect.POSTGRESQL)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
            } else {
                pos++;
            }
        } while (depth > 0);
    }

    private Token next() throws LexException {
        int start = pos;
        char c = sql.charAt(pos);
        if (c == '\'') {
            return quoted(Kind.STRING, '\'', '\'', start);
        }
        if (c == '"') {
            return quoted(Kind.QUOTED_IDENTIFIER, '"', '"', start);
        }
        if (dialect == SqlDialect.SQLITE && c == '`') {
            return quoted(Kind.QUOTED_IDENTIFIER, '`', '`', start);
        }
        if (dialect == SqlDialect.SQLITE && c == '[') {
            return quoted(Kind.QUOTED_IDENTIFIER, '[', ']', start);
        }
        if (c == '$') {
            throw new LexException("'$' at position " + start
                    + " (dollar quotes and numbered parameters are not supported): use '...' string literals");
        }
        if (c == ';') {
            pos++;
            return new Token(Kind.SEMICOLON, ";", start, pos);
        }
        if (Character.isLetter(c) || c == '_') {
            return word(start);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        pos++;
        return new Token(Kind.SYMBOL, String.valueOf(c), start, pos);
    }

    private Token word(int start) throws LexException {
        while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
            pos++;
        }
        String word = sql.substring(start, pos);
        if (pos < sql.length() && sql.charAt(pos) == '\'' && word.equalsIgnoreCase("e")) {
            throw new LexException("escape string literal E'...' at position " + start
                    + " is not supported: use a plain '...' string literal");
        }
        return new Token(Kind.WORD, word, start, pos);
    }

    private Token number(int start) {
        while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            pos++;
        }
        return new Token(Kind.NUMBER, sql.substring(start, pos), start, pos);
    }

    // Reads '...' with standard_conforming_strings on, which SqlDatabase sets for every PostgreSQL query.
    private Token quoted(Kind kind, char open, char close, int start) throws LexException {
        StringBuilder text = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c != close) {
                text.append(c);
            } else if (open == close && pos < sql.length() && sql.charAt(pos) == close) {
                text.append(c);
                pos++;
            } else {
                return new Token(kind, text.toString(), start, pos);
            }
        }
        String what = kind == Kind.STRING ? "string literal" : "quoted identifier";
        throw new LexException("unterminated " + what + " starting at position " + start);
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
