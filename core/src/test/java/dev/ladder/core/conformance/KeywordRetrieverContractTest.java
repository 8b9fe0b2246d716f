package dev.ladder.core.conformance;

import dev.ladder.core.Passage;
import dev.ladder.core.Retriever;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the retriever contract on a hand-written keyword retriever, the way a user's own would. */
class KeywordRetrieverContractTest extends RetrieverContract {

    @Override
    protected Retriever retriever() {
        return new KeywordRetriever(List.of(
                "Solar eclipses happen when the Moon passes between the Sun and the Earth.",
                "A total solar eclipse turns day into twilight for a few minutes.",
                "Certified eclipse glasses make looking at the Sun safe.",
                "Stock markets fell sharply on Tuesday."));
    }

    @Override
    protected String query() {
        return "solar eclipse sun";
    }

    /** Scores passages by how many query words they contain. */
    private record KeywordRetriever(List<String> texts) implements Retriever {

        @Override
        public List<Passage> retrieve(String query, int limit) {
            if (query.isBlank() || limit < 1) {
                throw new IllegalArgumentException("query must not be blank and limit must be at least 1");
            }
            List<String> words = Arrays.asList(query.toLowerCase(Locale.ROOT).split("\\s+"));
            List<Passage> found = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i).toLowerCase(Locale.ROOT);
                long hits = words.stream().filter(text::contains).count();
                if (hits > 0) {
                    found.add(new Passage("p" + i, texts.get(i), hits, Map.of()));
                }
            }
            found.sort(Comparator.comparingDouble(Passage::score).reversed());
            return found.subList(0, Math.min(limit, found.size()));
        }
    }
}
