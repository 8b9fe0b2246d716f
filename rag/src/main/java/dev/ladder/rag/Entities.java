package dev.ladder.rag;

import java.util.Map;

/** Decodes HTML character references: numeric ones and the named ones common in prose. */
final class Entities {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"),
            Map.entry("trade", "\u2122"),
            Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"),
            Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"),
            Map.entry("middot", "\u00b7"),
            Map.entry("bull", "\u2022"),
            Map.entry("deg", "\u00b0"),
            Map.entry("euro", "\u20ac"),
            Map.entry("pound", "\u00a3"),
            Map.entry("times", "\u00d7"),
            Map.entry("eacute", "\u00e9"),
            Map.entry("egrave", "\u00e8"),
            Map.entry("auml", "\u00e4"),
            Map.entry("ouml", "\u00f6"),
            Map.entry("uuml", "\u00fc"),
            Map.entry("szlig", "\u00df"),
            Map.entry("shy", ""));

    private Entities() {}

    /** Returns the text for the reference {@code name} (without {@code &} and {@code ;}), or null. */
    static String decode(String name) {
        if (name.startsWith("#")) {
            return numeric(name.substring(1));
        }
        return NAMED.get(name);
    }

    private static String numeric(String digits) {
        try {
            boolean hex = digits.startsWith("x") || digits.startsWith("X");
            int code = Integer.parseInt(hex ? digits.substring(1) : digits, hex ? 16 : 10);
            return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "\ufffd";
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
