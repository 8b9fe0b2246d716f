package dev.ladder.peft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ladder.core.AuthenticationException;
import dev.ladder.core.ConflictException;
import dev.ladder.core.InvalidRequestException;
import dev.ladder.core.NotFoundException;
import dev.ladder.core.PermissionDeniedException;
import dev.ladder.core.RateLimitException;
import dev.ladder.core.ServerException;
import dev.ladder.core.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.provider.Arguments;

/** The HTTP statuses every endpoint is tested with, and the core exception each must become. */
public final class ErrorMatrix {
    /** Status to the exception core's transport maps it to. */
    public static final Map<Integer, Class<? extends ServiceException>> EXPECTED = expected();

    private ErrorMatrix() {}

    /** Returns one argument pair (endpoint, status) per endpoint name and status. */
    public static List<Arguments> cross(List<String> endpoints) {
        List<Arguments> arguments = new ArrayList<>();
        for (String endpoint : endpoints) {
            for (int status : EXPECTED.keySet()) {
                arguments.add(Arguments.of(endpoint, status));
            }
        }
        return arguments;
    }

    /**
     * Asserts that {@code request} went to {@code endpoint}, written as {@code "POST /files/{id}/content"},
     * under the base path {@code /v1}; an {@code {id}} matches one path segment.
     */
    public static void assertRouted(RecordedRequest request, String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        String path = "/v1" + Pattern.quote(parts[1]).replace("{id}", "\\E[^/]+\\Q");
        assertThat(request.getMethod()).as("method of " + endpoint).isEqualTo(parts[0]);
        assertThat(request.getUrl().encodedPath()).as("path of " + endpoint).matches(path);
    }

    private static Map<Integer, Class<? extends ServiceException>> expected() {
        Map<Integer, Class<? extends ServiceException>> map = new LinkedHashMap<>();
        map.put(400, InvalidRequestException.class);
        map.put(401, AuthenticationException.class);
        map.put(403, PermissionDeniedException.class);
        map.put(404, NotFoundException.class);
        map.put(409, ConflictException.class);
        map.put(422, InvalidRequestException.class);
        map.put(429, RateLimitException.class);
        map.put(500, ServerException.class);
        return java.util.Collections.unmodifiableMap(map);
    }
}
