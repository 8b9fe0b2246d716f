package dev.ladder.peft.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A lazy iterable over a paginated list: fetches the first page when iteration starts and each further
 * page only when the previous one is used up. Each call to {@link #iterator()} starts again from the first
 * page. Internal to the peft-client module. Thread-safe; its iterators are not.
 *
 * @param <T> the item type.
 */
public final class Paged<T> implements Iterable<T> {
    private final Fetcher<T> fetcher;

    private Paged(Fetcher<T> fetcher) {
        this.fetcher = fetcher;
    }

    /** Returns an iterable that fetches pages with {@code fetcher}. */
    public static <T> Paged<T> of(Fetcher<T> fetcher) {
        return new Paged<>(Objects.requireNonNull(fetcher, "fetcher"));
    }

    /** Fetches one page. */
    @FunctionalInterface
    public interface Fetcher<T> {
        /** Returns the page after {@code cursor}, or the first page when it is null. */
        Page<T> fetch(String cursor);
    }

    /**
     * One page of items.
     *
     * @param items the items of this page.
     * @param nextCursor the cursor of the next page, or null on the last page.
     */
    public record Page<T>(List<T> items, String nextCursor) {
        /** Copies the items. */
        public Page {
            items = List.copyOf(items);
        }
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page;
            private int index;

            @Override
            public boolean hasNext() {
                while (page == null || (index == page.items().size() && page.nextCursor() != null)) {
                    page = fetcher.fetch(page == null ? null : page.nextCursor());
                    index = 0;
                }
                return index < page.items().size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more items after the last page");
                }
                return page.items().get(index++);
            }
        };
    }
}
