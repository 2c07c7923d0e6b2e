package vn.trolyso.assistant;

/**
 * Optional facts about the person asking, used to adapt wording and to pick the framework level they mean.
 *
 * @param role  who is asking, or null when unknown
 * @param grade the grade (1–12) a pupil is in or a teacher teaches, or null
 */
public record UserProfile(Role role, Integer grade) {
    public static final UserProfile UNKNOWN = new UserProfile(null, null);

    public UserProfile {
        if (grade != null && (grade < 1 || grade > 12)) {
            throw new IllegalArgumentException("grade must be 1–12: " + grade);
        }
    }
}
