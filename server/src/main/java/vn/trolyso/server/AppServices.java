package vn.trolyso.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.observe.OllamaStatus;
import vn.trolyso.server.observe.ServerMetrics;

/**
 * Everything the routes use, built in one place ({@link #create}) and closed once on shutdown. Routes reach the
 * knowledge base, the assistant and the database only through this holder.
 */
public final class AppServices implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AppServices.class.getName());

    private final ServerConfig config;
    private final Database database;
    private final KnowledgeSearch search;
    private final Assistant assistant;
    private final CompetencyFramework framework;
    private final OllamaStatus ollama;
    private final ServerMetrics metrics;
    private final BooleanSupplier ready;
    private final List<AutoCloseable> closeables;

    private AppServices(Builder b) {
        this.config = b.config;
        this.database = b.database;
        this.search = b.search;
        this.assistant = b.assistant;
        // validated at start: a malformed framework data file stops the service with a message naming the problem
        this.framework = b.framework != null ? b.framework : FrameworkLoader.loadBundled();
        this.ollama = b.ollama != null ? b.ollama : new OllamaStatus(b.config.ollamaBaseUrl());
        this.metrics = b.metrics != null ? b.metrics : new ServerMetrics();
        this.ready = b.ready != null ? b.ready : () -> b.search != null && b.assistant != null;
        this.closeables = List.copyOf(b.closeables);
    }

    /** The production wiring: database, knowledge base and assistant under the configured data directory. */
    public static AppServices create(ServerConfig config) {
        Builder b = builder(config);
        Database db = Database.open(config.dataDir());
        b.database(db).closeOnShutdown(db);
        return b.build();
    }

    public static Builder builder(ServerConfig config) {
        return new Builder(config);
    }

    public ServerConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Optional<KnowledgeSearch> search() {
        return Optional.ofNullable(search);
    }

    public Optional<Assistant> assistant() {
        return Optional.ofNullable(assistant);
    }

    /** The competency framework data (one instance for the API, the assistant and the learning routes). */
    public CompetencyFramework framework() {
        return framework;
    }

    public OllamaStatus ollama() {
        return ollama;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /** True once the index is loaded and questions can be answered. */
    public boolean ready() {
        return ready.getAsBoolean();
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing " + c + " failed", e);
            }
        }
    }

    /** Assembles the services; tests use it to put the real parts together around a temporary data directory. */
    public static final class Builder {
        private final ServerConfig config;
        private final List<AutoCloseable> closeables = new ArrayList<>();
        private Database database;
        private KnowledgeSearch search;
        private Assistant assistant;
        private CompetencyFramework framework;
        private OllamaStatus ollama;
        private ServerMetrics metrics;
        private BooleanSupplier ready;

        private Builder(ServerConfig config) {
            this.config = config;
        }

        public Builder database(Database db) {
            this.database = db;
            return this;
        }

        public Builder search(KnowledgeSearch s) {
            this.search = s;
            return this;
        }

        public Builder assistant(Assistant a) {
            this.assistant = a;
            return this;
        }

        public Builder framework(CompetencyFramework f) {
            this.framework = f;
            return this;
        }

        public Builder ollama(OllamaStatus o) {
            this.ollama = o;
            return this;
        }

        public Builder metrics(ServerMetrics m) {
            this.metrics = m;
            return this;
        }

        public Builder ready(BooleanSupplier r) {
            this.ready = r;
            return this;
        }

        /** Closed in reverse order of registration when the services close. */
        public Builder closeOnShutdown(AutoCloseable c) {
            closeables.add(c);
            return this;
        }

        public AppServices build() {
            if (database == null) {
                throw new IllegalStateException("AppServices needs a database");
            }
            return new AppServices(this);
        }
    }
}
