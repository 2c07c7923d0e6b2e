package vn.trolyso.server.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list: the {@code offset} and {@code limit} query parameters, validated the same way on every paged
 * route ({@code 400 invalid_offset}, {@code 400 invalid_limit}), and the {@code total}/{@code offset}/{@code limit}
 * fields the response carries beside its list (docs/api.md "Pagination").
 */
public record Paging(int offset, int limit) {
    /** Largest page of an admin/learning list; also the default, so clients that never page still get everything. */
    public static final int MAX_LIST_LIMIT = 1000;

    /** Reads {@code offset} (default 0) and {@code limit} (1–max, default {@code defaultLimit}) from the query. */
    public static Paging of(ServerRequest req, int defaultLimit, int maxLimit) {
        return of(req.query().first("offset").asOptional(), req.query().first("limit").asOptional(), defaultLimit, maxLimit);
    }

    /** The usual list paging: default and maximum {@link #MAX_LIST_LIMIT}. */
    public static Paging of(ServerRequest req) {
        return of(req, MAX_LIST_LIMIT, MAX_LIST_LIMIT);
    }

    static Paging of(Optional<String> offset, Optional<String> limit, int defaultLimit, int maxLimit) {
        int o = parse(offset, 0, 0, Integer.MAX_VALUE);
        if (o < 0) {
            throw ApiErrors.badRequest("invalid_offset", "Tham số offset phải là số nguyên không âm.");
        }
        int l = parse(limit, defaultLimit, 1, maxLimit);
        if (l < 0) {
            throw ApiErrors.badRequest("invalid_limit", "Tham số limit phải là số nguyên từ 1 đến " + maxLimit + ".");
        }
        return new Paging(o, l);
    }

    /** The value, the default when absent or blank, or -1 when it is not an integer within [min, max]. */
    private static int parse(Optional<String> raw, int dflt, int min, int max) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return dflt;
        }
        try {
            long v = Long.parseLong(raw.get().strip());
            return v >= min && v <= max ? (int) v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** This page of the whole list (empty when the offset is past its end). */
    public <T> List<T> slice(List<T> all) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return all.subList(from, to);
    }
}
