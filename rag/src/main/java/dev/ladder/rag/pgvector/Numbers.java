package dev.ladder.rag.pgvector;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts Java numbers to exact decimals for JSON and SQL {@code numeric}. */
final class Numbers {
    private Numbers() {}

    /**
     * Returns {@code number} as a {@link BigDecimal}.
     *
     * @throws IllegalArgumentException if it is NaN or infinite, naming {@code where}.
     */
    static BigDecimal toDecimal(Number number, String where) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(
                        where + " is " + number + ": PostgreSQL stores only finite numbers, use a finite value");
            }
            return new BigDecimal(number.toString());
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    where + " is a " + number.getClass().getName() + " that does not convert to a decimal: " + number
                            + "; use Long, Double or BigDecimal",
                    e);
        }
    }
}
