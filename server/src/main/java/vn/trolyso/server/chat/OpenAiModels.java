package vn.trolyso.server.chat;

import io.helidon.http.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.trolyso.assistant.Role;
import vn.trolyso.server.http.ApiException;

/**
 * The models {@code /v1/models} lists: the assistant itself ({@code trolyso}) and one variant per role
 * ({@code trolyso-giao_vien}, …) that answers as {@code profile.role} does on {@code /api/v1/chat}.
 */
final class OpenAiModels {
    static final String DEFAULT = "trolyso";
    private static final String ROLE_PREFIX = DEFAULT + "-";

    private OpenAiModels() {
    }

    static List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(DEFAULT));
        for (Role r : Role.values()) {
            ids.add(ROLE_PREFIX + r.apiName());
        }
        return ids;
    }

    /** The role a model id stands for (empty for {@code trolyso}); an unknown id is a 404 {@code model_not_found}. */
    static Optional<Role> role(String id) {
        if (id.equals(DEFAULT)) {
            return Optional.empty();
        }
        Optional<Role> role = id.startsWith(ROLE_PREFIX) ? Role.fromApiName(id.substring(ROLE_PREFIX.length()))
                : Optional.empty();
        if (role.isEmpty()) {
            throw notFound(id);
        }
        return role;
    }

    static ApiException notFound(String id) {
        return new ApiException(Status.NOT_FOUND_404, "model_not_found", "Không có mô hình '" + id
                + "'. Dùng " + DEFAULT + " (hoặc một mô hình trong GET /v1/models).");
    }
}
