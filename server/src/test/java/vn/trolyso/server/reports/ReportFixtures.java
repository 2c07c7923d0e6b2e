package vn.trolyso.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import vn.trolyso.assistant.store.Database;

/** Hand-made rows in {@code answer_log} and {@code feedback}, with exact instants. */
final class ReportFixtures {
    private final Database db;

    ReportFixtures(Database db) {
        this.db = db;
    }

    ReportFixtures answer(String id, String askedAt, String question, String mode, String cited, int latencyMs)
            throws SQLException {
        try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement("INSERT INTO answer_log(message_id,"
                + " conversation_id, asked_at, question, mode, cited_documents, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, "c-" + id);
            p.setObject(3, Instant.parse(askedAt).atOffset(ZoneOffset.UTC));
            p.setString(4, question);
            p.setString(5, mode);
            p.setString(6, cited);
            p.setInt(7, latencyMs);
            p.executeUpdate();
        }
        return this;
    }

    ReportFixtures rate(String id, String rating, String comment, String at) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO feedback(message_id, rating, comment, created_at) VALUES (?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, rating);
            p.setString(3, comment);
            p.setObject(4, Instant.parse(at).atOffset(ZoneOffset.UTC));
            p.executeUpdate();
        }
        return this;
    }

    long count(String table) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
