package vn.trolyso.assistant.learning;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.store.Database;

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

    /** A learner's state for the progress report. */
    public record LearnerState(Profile profile, Map<String, Integer> estimates, Set<String> doneModules) {
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

    /** Marks a module done; {@code checksPassed} null keeps the result of an earlier check-question attempt. */
    public ModuleProgress markDone(String profileId, String moduleId, Boolean checksPassed) {
        Instant now = now();
        try (Connection c = db.connection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE module_progress SET done = TRUE,"
                    + " checks_passed = COALESCE(?, checks_passed), updated_at = ? WHERE profile_id = ? AND module_id = ?")) {
                s.setObject(1, checksPassed, Types.BOOLEAN);
                s.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                s.setString(3, profileId);
                s.setString(4, moduleId);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO module_progress(profile_id, module_id, done,"
                        + " checks_passed, updated_at) VALUES (?, ?, TRUE, ?, ?)")) {
                    s.setString(1, profileId);
                    s.setString(2, moduleId);
                    s.setObject(3, checksPassed, Types.BOOLEAN);
                    s.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure("record progress", e);
        }
        return progress(profileId).get(moduleId);
    }

    /** Progress by module id. */
    public Map<String, ModuleProgress> progress(String profileId) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT module_id, done, checks_passed, updated_at FROM module_progress WHERE profile_id = ?")) {
            s.setString(1, profileId);
            Map<String, ModuleProgress> progress = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    progress.put(rs.getString(1), new ModuleProgress(rs.getString(1), rs.getBoolean(2),
                            rs.getObject(3, Boolean.class), rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
            return progress;
        } catch (SQLException e) {
            throw failure("read progress", e);
        }
    }

    /** Every learner (of one school when {@code school} is not null) with latest estimates and done modules. */
    public List<LearnerState> learners(String school) {
        String where = school == null ? "" : " WHERE p.school = ?";
        try (Connection c = db.connection()) {
            Map<String, Profile> profiles = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> estimates = new HashMap<>();
            Map<String, Set<String>> done = new HashMap<>();
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
            try (PreparedStatement s = c.prepareStatement("SELECT m.profile_id, m.module_id FROM module_progress m"
                    + " JOIN learner_profile p ON p.id = m.profile_id WHERE m.done" + (school == null ? "" : " AND p.school = ?"))) {
                bindSchool(s, school);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        done.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
            List<LearnerState> learners = new ArrayList<>();
            profiles.values().forEach(p -> learners.add(new LearnerState(p, estimates.getOrDefault(p.id(), Map.of()),
                            done.getOrDefault(p.id(), Set.of()))));
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
