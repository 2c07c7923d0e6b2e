package vn.trolyso.assistant.store;


/**
 * Where the service's database is: a shared PostgreSQL when {@code url} is a {@code jdbc:postgresql://…} URL
 * ({@code TROLYSO_DB_URL}, {@code TROLYSO_DB_USER}, {@code TROLYSO_DB_PASSWORD}), otherwise the embedded H2 file under
 * the data directory (the zero-setup default of one school's machine).
 */
public record DatabaseSettings(String url, String user, String password) {
    public static final DatabaseSettings EMBEDDED = new DatabaseSettings("", "", "");

    public DatabaseSettings {
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
        password = password == null ? "" : password;
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("TROLYSO_DB_URL must be a jdbc:postgresql://host:port/database URL, not "
                    + url.replaceAll("password=[^&;]*", "password=…"));
        }
    }

    /** The embedded H2 file of {@code dataDir}: {@code <dataDir>/db/trolyso.mv.db}. */
    public static DatabaseSettings h2File(java.nio.file.Path dataDir) {
        return new DatabaseSettings("jdbc:h2:file:" + dataDir.resolve("db").toAbsolutePath().resolve("trolyso")
                + ";DB_CLOSE_ON_EXIT=FALSE", "trolyso", "");
    }

    /** True when no database is named: the data directory's embedded H2 is used. */
    public boolean unset() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        // Never the password, also when the URL carries one.
        return unset() ? "embedded H2" : url.replaceAll("password=[^&;]*", "password=…") + (user.isEmpty() ? "" : " as " + user);
    }
}
