package vn.trolyso.assistant.learning;

import java.time.Instant;
import vn.trolyso.assistant.Role;

/**
 * A pseudonymous learner: a generated id, a role, a grade for pupils, and optionally a display name and a school.
 * Nothing else about the person is stored.
 */
public record Profile(String id, Role role, Integer grade, String displayName, String school, Instant createdAt) {
}
