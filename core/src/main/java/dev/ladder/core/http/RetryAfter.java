package dev.ladder.core.http;

import dev.ladder.core.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a server asked the client to wait: {@code retry-after-ms}, then {@code Retry-After}. */
final class RetryAfter {
    private RetryAfter() {}

    /** Returns the wait {@code error}'s headers ask for, or empty when they ask for none or can't be read. */
    static Optional<Duration> of(ServiceException error, Instant now) {
        Optional<Duration> millis = error.header("retry-after-ms").flatMap(RetryAfter::millis);
        return millis.isPresent() ? millis : error.header("retry-after").flatMap(value -> parse(value, now));
    }

    /** Parses a {@code Retry-After} value: seconds (possibly fractional) or an HTTP date. */
    static Optional<Duration> parse(String value, Instant now) {
        String text = value.strip();
        try {
            double seconds = Double.parseDouble(text);
            return seconds >= 0 && Double.isFinite(seconds)
                    ? Optional.of(Duration.ofNanos((long) (seconds * 1e9)))
                    : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            return date(text, now);
        }
    }

    private static Optional<Duration> millis(String value) {
        try {
            double millis = Double.parseDouble(value.strip());
            return millis >= 0 && Double.isFinite(millis)
                    ? Optional.of(Duration.ofNanos((long) (millis * 1e6)))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String text, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
