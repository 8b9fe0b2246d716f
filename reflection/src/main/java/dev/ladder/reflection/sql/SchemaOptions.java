package dev.ladder.reflection.sql;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a schema description holds: which tables, and how many sample rows of each.
 *
 * @param tables accepts the names of the tables to describe; for a large database, name the few
 *     that matter to keep the prompt small.
 * @param sampleRows how many rows of each table to show, 0 for none.
 */
public record SchemaOptions(Predicate<String> tables, int sampleRows) {

    /** Every table, no sample rows. */
    public static final SchemaOptions ALL_TABLES = new SchemaOptions(name -> true, 0);

    public SchemaOptions {
        Objects.requireNonNull(tables, "tables");
        if (sampleRows < 0 || sampleRows > 20) {
            throw new IllegalArgumentException("sampleRows must be between 0 and 20, was " + sampleRows);
        }
    }
}
