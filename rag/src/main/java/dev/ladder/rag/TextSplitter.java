package dev.ladder.rag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts documents into chunks of at most {@link Builder#maxChars} characters, following the
 * structure of the text: sections (headings) first, then paragraphs, lines, sentences and finally
 * words. Consecutive chunks of a section share up to {@link Builder#overlapChars} characters of
 * whole sentences or words so that a fact cut at a boundary is still found whole.
 *
 * <p>Guarantees: the same input gives the same chunks; a chunk never starts or ends inside a word;
 * a chunk never spans two sections; a single word longer than the budget becomes a chunk of its
 * own (the only case where a chunk exceeds the budget). Immutable and thread-safe.
 */
public final class TextSplitter {

    private static final Pattern[] SEPARATORS = {
        Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*"), // paragraphs: a blank line
        Pattern.compile("\\n\\s*"), // lines
        Pattern.compile("(?<=[.!?;:])[\"'\u2019\u201d)\\]]*\\s+"), // sentences
        Pattern.compile("\\s+"), // words
    };

    private final int maxChars;
    private final int overlapChars;

    private TextSplitter(Builder builder) {
        this.maxChars = builder.maxChars;
        this.overlapChars = builder.overlapChars;
    }

    /** Returns a splitter with a budget of 1,000 characters and an overlap of 100. */
    public static TextSplitter create() {
        return builder().build();
    }

    /** Returns a builder for a splitter with its own budget and overlap. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Splits {@code document} into chunks with ids {@code <source>#<position>}. Each chunk carries the
     * document metadata plus {@code source}, {@code position} (0-based order within the document) and
     * {@code headings} (the heading path joined by {@code " > "}, empty before any heading).
     */
    public List<Chunk> split(Document document) {
        List<Chunk> chunks = new ArrayList<>();
        for (Document.Section section : document.sections()) {
            String headings = String.join(" > ", section.headings());
            for (String text : split(section.text())) {
                Map<String, Object> metadata = new LinkedHashMap<>(document.metadata());
                metadata.put("source", document.source());
                metadata.put("position", chunks.size());
                metadata.put("headings", headings);
                chunks.add(new Chunk(document.source() + "#" + chunks.size(), text, metadata));
            }
        }
        return chunks;
    }

    /** Splits each document in turn; see {@link #split(Document)}. */
    public List<Chunk> splitAll(List<Document> documents) {
        List<Chunk> chunks = new ArrayList<>();
        documents.forEach(document -> chunks.addAll(split(document)));
        return chunks;
    }

    /** Splits plain {@code text} into chunk texts, stripped of surrounding whitespace. */
    public List<String> split(String text) {
        List<Atom> atoms = new ArrayList<>();
        collect(text, 0, text.length(), 0, atoms);
        return merge(text, atoms);
    }

    /**
     * A contiguous span of the text that fits the budget. A barrier marks where a larger piece was
     * broken at a finer level: chunks do not grow across it, so a sentence cut into words does not
     * pull the neighbouring sentence's first words into its chunk.
     */
    private static final class Atom {
        final int start;
        final int end;
        boolean barrierBefore;
        boolean barrierAfter;

        Atom(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    /** Breaks [start, end) into atoms that each fit the budget, coarsest level first. */
    private void collect(String text, int start, int end, int level, List<Atom> out) {
        if (size(text, start, end) <= maxChars || level == SEPARATORS.length) {
            out.add(new Atom(start, end));
            return;
        }
        Matcher matcher = SEPARATORS[level].matcher(text).region(start, end);
        int pieceStart = start;
        while (matcher.find()) {
            if (matcher.end() < end && matcher.end() > pieceStart) {
                addPiece(text, pieceStart, matcher.end(), level, out);
                pieceStart = matcher.end();
            }
        }
        addPiece(text, pieceStart, end, level, out);
    }

    private void addPiece(String text, int start, int end, int level, List<Atom> out) {
        if (size(text, start, end) <= maxChars) {
            out.add(new Atom(start, end));
            return;
        }
        int first = out.size();
        collect(text, start, end, level + 1, out);
        out.get(first).barrierBefore = true;
        out.get(out.size() - 1).barrierAfter = true;
    }

    /** Packs atoms greedily into chunks, starting each next chunk with up to overlapChars of atoms. */
    private List<String> merge(String text, List<Atom> atoms) {
        List<String> chunks = new ArrayList<>();
        int first = 0;
        while (first < atoms.size()) {
            int last = first;
            while (last + 1 < atoms.size()
                    && joinable(atoms, last)
                    && size(text, atoms.get(first).start, atoms.get(last + 1).end) <= maxChars) {
                last++;
            }
            String chunk =
                    text.substring(atoms.get(first).start, atoms.get(last).end).strip();
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            first = last + 1 < atoms.size() ? nextStart(text, atoms, first, last) : atoms.size();
        }
        return chunks;
    }

    /** Returns where the chunk after [first, last] starts: earlier than last + 1 to overlap. */
    private int nextStart(String text, List<Atom> atoms, int first, int last) {
        int next = last + 1;
        int end = atoms.get(last).end;
        while (next - 1 > first
                && joinable(atoms, next - 1)
                && size(text, atoms.get(next - 1).start, end) <= overlapChars) {
            next--;
        }
        int newEnd = atoms.get(last + 1).end;
        while (next <= last && size(text, atoms.get(next).start, newEnd) > maxChars) {
            next++;
        }
        return next;
    }

    /** True when atoms i and i + 1 may share a chunk. */
    private static boolean joinable(List<Atom> atoms, int i) {
        return !atoms.get(i).barrierAfter && !atoms.get(i + 1).barrierBefore;
    }

    /** Returns the length of [start, end) without leading and trailing whitespace. */
    private static int size(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return end - start;
    }

    /** Settings of a {@link TextSplitter}. Not thread-safe. */
    public static final class Builder {

        private int maxChars = 1000;
        private int overlapChars = 100;

        private Builder() {}

        /**
         * Sets the budget in characters (default 1,000, about 250 tokens of English).
         *
         * @throws IllegalArgumentException if not positive.
         */
        public Builder maxChars(int maxChars) {
            if (maxChars <= 0) {
                throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
            }
            this.maxChars = maxChars;
            return this;
        }

        /**
         * Sets how many characters consecutive chunks may share (default 100; 0 for none).
         *
         * @throws IllegalArgumentException if negative.
         */
        public Builder overlapChars(int overlapChars) {
            if (overlapChars < 0) {
                throw new IllegalArgumentException("overlapChars must not be negative, was " + overlapChars);
            }
            this.overlapChars = overlapChars;
            return this;
        }

        /**
         * Builds the splitter.
         *
         * @throws IllegalArgumentException if the overlap is not smaller than the budget.
         */
        public TextSplitter build() {
            if (overlapChars >= maxChars) {
                throw new IllegalArgumentException(
                        "overlapChars (" + overlapChars + ") must be smaller than maxChars (" + maxChars + ")");
            }
            return new TextSplitter(this);
        }
    }
}
