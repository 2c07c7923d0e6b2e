package vn.trolyso.assistant.learning;

import java.time.Instant;

/**
 * What a person has done with one module.
 *
 * @param moduleId     the module
 * @param done         marked done
 * @param checksPassed whether the last check-question attempt was all correct; null when never attempted
 * @param updatedAt    when it was last recorded
 */
public record ModuleProgress(String moduleId, boolean done, Boolean checksPassed, Instant updatedAt) {
}
