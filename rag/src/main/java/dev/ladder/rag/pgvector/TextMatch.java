package dev.ladder.rag.pgvector;

/** How {@link PgVectorStore#searchText(String, int, dev.ladder.rag.Filter, TextMatch)} reads a query. */
public enum TextMatch {
    /**
     * A chunk matches when it contains any of the query's words (after the text search configuration's
     * stemming and stop words), ranked by {@code ts_rank}: how a question or a sentence is searched, as
     * BM25 does. The default of the retrievers.
     */
    ANY_WORD,
    /**
     * The query is read by {@code websearch_to_tsquery}: every word must occur, {@code "quoted phrases"},
     * {@code or} and {@code -word} are understood. For queries a person types into a search box.
     */
    WEB_SEARCH
}
