package vn.trolyso.assistant.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.learning.AnswerChoice;
import vn.trolyso.assistant.learning.ModuleProgress;
import vn.trolyso.assistant.learning.ModuleStatus;
import vn.trolyso.assistant.learning.Profile;
import vn.trolyso.assistant.learning.SelfAssessment;

/** Profiles, self-assessments and module progress in the shared H2 {@link Database} (tables of V2__learning.sql). */
public final class LearningStore {
    private final Database db;
    private final Clock clock;

    public LearningStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A stored self-assessment: when and the estimated level per domain code. */
    public record StoredAssessment(Instant takenAt, Map<String, Integer> estimates) {
    }

    /** A learner's state for the progress report: latest estimates and progress by module id. */
    public record LearnerState(Profile profile, Map<String, Integer> estimates, Map<String, ModuleProgress> modules) {
    }

    public Profile createProfile(Role role, Integer grade, String displayName, String school) {
        Profile p = new Profile(UUID.randomUUID().toString(), role, grade, displayName, school, now());
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO learner_profile(id, role, grade, display_name, school, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, p.id());
            s.setString(2, role.apiName());
            s.setObject(3, grade, Types.INTEGER);
            s.setString(4, displayName);
            s.setString(5, school);
            s.setObject(6, OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC));
            s.executeUpdate();
            return p;
        } catch (SQLException e) {
            throw failure("create a profile", e);
        }
    }

    public Optional<Profile> profile(String id) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, role, grade, display_name, school, created_at FROM learner_profile WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(profile(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a profile", e);
        }
    }

    /** Stores the answers and the per-domain result of one self-assessment, atomically. */
    public void saveAssessment(String profileId, Map<String, AnswerChoice> answers, List<SelfAssessment.DomainResult> results) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment(profile_id, taken_at) VALUES (?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    s.setString(1, profileId);
                    s.setObject(2, OffsetDateTime.ofInstant(now(), ZoneOffset.UTC));
                    s.executeUpdate();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO assessment_answer(assessment_id, statement_id, answer) VALUES (?, ?, ?)")) {
                    for (Map.Entry<String, AnswerChoice> a : answers.entrySet()) {
                        s.setLong(1, id);
                        s.setString(2, a.getKey());
                        s.setString(3, a.getValue().apiName());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment_domain(assessment_id, domain_code,"
                        + " estimated_level, target_level) VALUES (?, ?, ?, ?)")) {
                    for (SelfAssessment.DomainResult r : results) {
                        s.setLong(1, id);
                        s.setString(2, r.domainCode());
                        s.setInt(3, r.estimatedLevel());
                        s.setInt(4, r.targetLevel());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("save a self-assessment", e);
        }
    }

    public Optional<StoredAssessment> latestAssessment(String profileId) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT a.taken_at, d.domain_code, d.estimated_level FROM assessment a"
                        + " JOIN assessment_domain d ON d.assessment_id = a.id"
                        + " WHERE a.id = (SELECT MAX(id) FROM assessment WHERE profile_id = ?)")) {
            s.setString(1, profileId);
            Instant takenAt = null;
            Map<String, Integer> estimates = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    takenAt = rs.getObject(1, OffsetDateTime.class).toInstant();
                    estimates.put(rs.getString(2), rs.getInt(3));
                }
            }
            return takenAt == null ? Optional.empty() : Optional.of(new StoredAssessment(takenAt, estimates));
        } catch (SQLException e) {
            throw failure("read a self-assessment", e);
        }
    }

    /** Records that a person read a module; an attempt or completion already recorded is kept. */
    public ModuleProgress markRead(String profileId, String moduleId) {
        return record(profileId, moduleId, null);
    }

    /**
     * Records one check attempt. A passed attempt completes the module; a failed one leaves it attempted (retryable),
     * or completed when it was passed before (completion is kept).
     */
    public ModuleProgress recordAttempt(String profileId, String moduleId, boolean passed) {
        return record(profileId, moduleId, passed);
    }

    private ModuleProgress record(String profileId, String moduleId, Boolean attemptPassed) {
        Instant now = now();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                ModuleProgress before = null;
                try (PreparedStatement s = c.prepareStatement("SELECT module_id, status, attempts, checks_passed, updated_at"
                        + " FROM module_progress WHERE profile_id = ? AND module_id = ? FOR UPDATE")) {
                    s.setString(1, profileId);
                    s.setString(2, moduleId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            before = progress(rs);
                        }
                    }
                }
                ModuleStatus status;
                int attempts = before == null ? 0 : before.attempts();
                Boolean checksPassed = before == null ? null : before.checksPassed();
                if (attemptPassed == null) {
                    status = before == null ? ModuleStatus.READ : before.status();
                } else {
                    attempts++;
                    checksPassed = attemptPassed;
                    status = attemptPassed || (before != null && before.completed())
                            ? ModuleStatus.COMPLETED : ModuleStatus.ATTEMPTED;
                }
                String sql = before == null
                        ? "INSERT INTO module_progress(status, attempts, checks_passed, updated_at, profile_id, module_id)"
                                + " VALUES (?, ?, ?, ?, ?, ?)"
                        : "UPDATE module_progress SET status = ?, attempts = ?, checks_passed = ?, updated_at = ?"
                                + " WHERE profile_id = ? AND module_id = ?";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, status.apiName());
                    s.setInt(2, attempts);
                    s.setObject(3, checksPassed, Types.BOOLEAN);
                    s.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    s.setString(5, profileId);
                    s.setString(6, moduleId);
                    s.executeUpdate();
                }
                c.commit();
                return new ModuleProgress(moduleId, status, attempts, checksPassed, now);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record progress", e);
        }
    }

    private static ModuleProgress progress(ResultSet rs) throws SQLException {
        ModuleStatus status = ModuleStatus.fromApiName(rs.getString(2)).orElseThrow(
                () -> new IllegalStateException("Unknown module status in the database"));
        return new ModuleProgress(rs.getString(1), status, rs.getInt(3), rs.getObject(4, Boolean.class),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }

    /** Progress by module id. */
    public Map<String, ModuleProgress> progress(String profileId) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT module_id, status, attempts, checks_passed, updated_at FROM module_progress WHERE profile_id = ?")) {
            s.setString(1, profileId);
            Map<String, ModuleProgress> progress = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ModuleProgress p = progress(rs);
                    progress.put(p.moduleId(), p);
                }
            }
            return progress;
        } catch (SQLException e) {
            throw failure("read progress", e);
        }
    }

    /** Every learner (of one school when {@code school} is not null) with latest estimates and module progress. */
    public List<LearnerState> learners(String school) {
        String where = school == null ? "" : " WHERE p.school = ?";
        try (Connection c = db.connection()) {
            Map<String, Profile> profiles = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> estimates = new HashMap<>();
            Map<String, Map<String, ModuleProgress>> modules = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT p.id, p.role, p.grade, p.display_name, p.school,"
                    + " p.created_at FROM learner_profile p" + where + " ORDER BY p.created_at, p.id")) {
                bindSchool(s, school);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Profile p = profile(rs);
                        profiles.put(p.id(), p);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT a.profile_id, d.domain_code, d.estimated_level"
                    + " FROM assessment a JOIN assessment_domain d ON d.assessment_id = a.id"
                    + " JOIN learner_profile p ON p.id = a.profile_id"
                    + " WHERE a.id = (SELECT MAX(id) FROM assessment x WHERE x.profile_id = a.profile_id)"
                    + (school == null ? "" : " AND p.school = ?"))) {
                bindSchool(s, school);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        estimates.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT m.module_id, m.status, m.attempts, m.checks_passed,"
                    + " m.updated_at, m.profile_id FROM module_progress m JOIN learner_profile p ON p.id = m.profile_id"
                    + (school == null ? "" : " WHERE p.school = ?"))) {
                bindSchool(s, school);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ModuleProgress m = progress(rs);
                        modules.computeIfAbsent(rs.getString(6), k -> new HashMap<>()).put(m.moduleId(), m);
                    }
                }
            }
            List<LearnerState> learners = new ArrayList<>();
            profiles.values().forEach(p -> learners.add(new LearnerState(p, estimates.getOrDefault(p.id(), Map.of()),
                            modules.getOrDefault(p.id(), Map.of()))));
            return learners;
        } catch (SQLException e) {
            throw failure("read learners for the progress report", e);
        }
    }

    private static void bindSchool(PreparedStatement s, String school) throws SQLException {
        if (school != null) {
            s.setString(1, school);
        }
    }

    private static Profile profile(ResultSet rs) throws SQLException {
        Role role = Role.fromApiName(rs.getString(2)).orElseThrow(
                () -> new IllegalStateException("Unknown role in the database"));
        return new Profile(rs.getString(1), role, rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    private Instant now() {
        return clock.instant();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
