package vn.trolyso.assistant.learning;

import java.time.Instant;

/**
 * What a person has done with one module.
 *
 * @param moduleId     the module
 * @param status       read, attempted or completed (only completed counts)
 * @param attempts     check attempts made
 * @param checksPassed whether the last check attempt passed; null when never attempted
 * @param updatedAt    when it was last recorded
 */
public record ModuleProgress(String moduleId, ModuleStatus status, int attempts, Boolean checksPassed,
                             Instant updatedAt) {
    /** Completed: the check was passed. */
    public boolean completed() {
        return status == ModuleStatus.COMPLETED;
    }
}
