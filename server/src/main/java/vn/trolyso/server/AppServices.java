package vn.trolyso.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.answering.AssistantFactory;
import vn.trolyso.assistant.answering.AssistantSettings;
import vn.trolyso.assistant.learning.LearningService;
import vn.trolyso.assistant.store.LearningStore;
import vn.trolyso.assistant.learning.TargetLevels;
import vn.trolyso.assistant.llm.OllamaEmbedder;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.llm.OllamaStatus;
import vn.trolyso.assistant.rag.RagGenerativeAnswerer;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.knowledge.index.Ranking;
import vn.trolyso.knowledge.search.dense.EmbeddingRetriever;
import vn.trolyso.server.sharing.SharedSources;
import vn.trolyso.server.sharing.SourceSync;
import vn.trolyso.server.config.LearningSettings;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.documents.DocumentIngestion;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.learning.MaterialCatalogue;
import vn.trolyso.server.observe.ServerMetrics;
import vn.trolyso.server.reports.RetentionJob;
import vn.trolyso.server.security.ApiKeyRegistry;
import vn.trolyso.server.security.ManagedApiKeys;

/**
 * Everything the routes use, built in one place ({@link #create}) and closed once on shutdown. The knowledge base
 * is opened (and built when needed) in the background so the server answers at once; until it is loaded
 * {@link #ready()} is false and routes that need it answer 503 not_ready.
 */
public final class AppServices implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AppServices.class.getName());

    /**
     * The parts that exist once the index is loaded.
     *
     * @param semanticSearch the embedding retriever fused with BM25, when an embedding model is configured
     */
    public record Knowledge(KnowledgeBase knowledgeBase, Assistant assistant,
                            Optional<EmbeddingRetriever> semanticSearch) {
        public Knowledge(KnowledgeBase knowledgeBase, Assistant assistant) {
            this(knowledgeBase, assistant, Optional.empty());
        }
    }

    private final ServerConfig config;
    private final Database database;
    private final CompetencyFramework framework;
    private final OllamaGateway ollama;
    private final ServerMetrics metrics;
    private final DocumentIngestion documents;
    private final MaterialCatalogue materials;
    private final ManagedApiKeys managedKeys;
    private final ApiKeyRegistry apiKeys;
    private final TargetLevels targetLevels;
    private final LearningService learning;
    private final AtomicReference<Knowledge> knowledge = new AtomicReference<>();
    private final List<AutoCloseable> closeables;
    private volatile String loadError = "";

    private AppServices(Builder b) {
        this.config = b.config;
        this.database = b.database;
        this.framework = b.framework != null ? b.framework : FrameworkLoader.loadBundled();
        this.ollama = b.ollama != null ? b.ollama : OllamaGateway.create(ollamaSettings(b.config),
                b.config.ollamaPool().resolve(ollamaSettings(b.config)));
        this.metrics = b.metrics != null ? b.metrics : new ServerMetrics();
        this.closeables = new ArrayList<>(b.closeables);
        this.documents = new DocumentIngestion(b.config.dataDir(), b.config.limits().maxUploadBytes(),
                this::knowledgeBase);
        this.materials = new MaterialCatalogue(b.config.dataDir());
        if (!b.database.embedded()) { // several nodes on one PostgreSQL share their documents and modules
            closeables.add(SourceSync.start(new SharedSources(b.database, b.config.dataDir()), documents.store(),
                    materials, this::ready, why -> documents.indexer().request(why)));
        }
        this.managedKeys = new ManagedApiKeys(b.database);
        this.apiKeys = new ApiKeyRegistry(b.config.apiKeys(), managedKeys);
        LearningSettings learningSettings = b.config.learning();
        this.targetLevels = new TargetLevels(framework, learningSettings.targetLevels());
        this.learning = new LearningService(materials::library, framework, targetLevels,
                learningSettings.progressTargets(), new LearningStore(b.database, Clock.systemUTC()));
    }

    /**
     * The production wiring: database, competency framework, Ollama gateway, then — in the background — the knowledge
     * base over {@link KnowledgeSources#defaults} and the assistant on top of it; once it is loaded, the files waiting
     * in the inbox are ingested (and indexed by a background rebuild).
     */
    public static AppServices create(ServerConfig config) {
        Database db = Database.open(config.dataDir(), config.database());
        RetentionJob retention = new RetentionJob(db, config.reports().retentionDays(), Clock.systemUTC());
        AppServices services = builder(config).database(db).closeOnShutdown(db).closeOnShutdown(retention).build();
        retention.start(RetentionJob.FIRST_RUN);
        services.loadInBackground(AppServices::defaultKnowledge);
        return services;
    }

    /**
     * The knowledge base of the default sources and the assistant the server runs (generative when Ollama works);
     * with an embedding model configured, its search fuses BM25 with semantic search (vectors cached under
     * {@code <dataDir>/embeddings/}).
     */
    public static Knowledge defaultKnowledge(AppServices s) {
        Path dataDir = s.config.dataDir();
        OllamaSettings settings = ollamaSettings(s.config);
        Optional<EmbeddingRetriever> semantic = s.config.ollamaEmbedModel().filter(m -> settings.enabled())
                .map(model -> new EmbeddingRetriever(new OllamaEmbedder(settings, model),
                        dataDir.resolve("embeddings")));
        semantic.ifPresent(s::closeOnShutdown);
        KnowledgeBase kb = KnowledgeBase.open(dataDir, KnowledgeSources.defaults(dataDir, s.documents.store()),
                new KnowledgeBase.Options(Ranking.defaults(), semantic.orElse(null)));
        Assistant assistant = AssistantFactory.create(kb, s.framework,
                Optional.of(new RagGenerativeAnswerer(s.ollama, kb, s.framework)), AssistantSettings.defaults());
        return new Knowledge(kb, assistant, semantic);
    }

    private void closeOnShutdown(AutoCloseable c) {
        synchronized (closeables) {
            closeables.add(c);
        }
    }

    /**
     * The configured Ollama settings, with the LLM's deadline kept inside the server's answer timeout (less a margin for
     * retrieval and the notice): otherwise the server gives up first and the tokens already streamed are lost.
     */
    public static OllamaSettings ollamaSettings(ServerConfig config) {
        OllamaSettings s = config.ollama();
        java.time.Duration bound = config.limits().answerTimeout().minusSeconds(5);
        if (bound.isPositive() && s.overallDeadline().compareTo(bound) > 0) {
            java.time.Duration firstToken = s.firstTokenTimeout().compareTo(bound) > 0 ? bound : s.firstTokenTimeout();
            s = s.withTimeouts(s.connectTimeout(), firstToken, bound);
        }
        return s;
    }

    /**
     * Loads the knowledge on a background thread, then ingests the files waiting in the inbox; a failure is logged
     * and reported by the readiness check.
     */
    public Thread loadInBackground(Function<AppServices, Knowledge> loader) {
        return Thread.ofVirtual().name("knowledge-load").start(() -> {
            load(loader);
            if (ready()) {
                documents.scanInboxAtStart();
            }
        });
    }

    /** Loads the knowledge now (tests that want a ready server at once). */
    public AppServices load(Function<AppServices, Knowledge> loader) {
        long start = System.nanoTime();
        try {
            Knowledge k = loader.apply(this);
            synchronized (closeables) {
                closeables.add(k.knowledgeBase());
            }
            knowledge.set(k);
            LOG.info(() -> "Knowledge loaded: " + k.knowledgeBase().status().documents() + " documents, "
                    + k.knowledgeBase().status().chunks() + " passages in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            loadError = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.log(Level.SEVERE, "Loading the knowledge base failed; the API answers 503 until restarted", e);
        }
        return this;
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

    public CompetencyFramework framework() {
        return framework;
    }

    /** The knowledge base, once loaded. */
    public Optional<KnowledgeBase> knowledgeBase() {
        return Optional.ofNullable(knowledge.get()).map(Knowledge::knowledgeBase);
    }

    /** Semantic search (its coverage tells how far embedding got); empty when off or the index is not loaded yet. */
    public Optional<EmbeddingRetriever> semanticSearch() {
        return Optional.ofNullable(knowledge.get()).flatMap(Knowledge::semanticSearch);
    }

    /** The assistant, once the knowledge base is loaded. */
    public Optional<Assistant> assistant() {
        return Optional.ofNullable(knowledge.get()).map(Knowledge::assistant);
    }

    public OllamaGateway ollamaGateway() {
        return ollama;
    }

    /** The cached Ollama probe result (never blocks for long). */
    public OllamaStatus ollamaStatus() {
        return ollama.status();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /** The school's document store, its inbox and the background indexer (one per service). */
    public DocumentIngestion documents() {
        return documents;
    }

    /** The training modules served (bundled + the school's), reloaded after every upload or delete. */
    public MaterialCatalogue materials() {
        return materials;
    }

    /** The API keys the administrator creates and revokes in the admin page. */
    public ManagedApiKeys managedApiKeys() {
        return managedKeys;
    }

    /** Every API key in force: the environment's and the admin page's. */
    public ApiKeyRegistry apiKeys() {
        return apiKeys;
    }

    /** Self-assessment, profiles, learning paths and progress over the served modules. */
    public LearningService learning() {
        return learning;
    }

    /** The target level of each role (configured under trolyso.learning). */
    public TargetLevels targetLevels() {
        return targetLevels;
    }

    /** True once the index is loaded and questions can be answered. */
    public boolean ready() {
        return knowledge.get() != null;
    }

    /** Why loading failed, or "". */
    public String loadError() {
        return loadError;
    }

    @Override
    public void close() {
        documents.close(); // first: a running rebuild finishes before the knowledge base closes
        List<AutoCloseable> toClose;
        synchronized (closeables) {
            toClose = new ArrayList<>(closeables);
            closeables.clear();
        }
        for (AutoCloseable c : toClose.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing " + c + " failed", e);
            }
        }
    }

    /** Assembles the services; tests use it to put the parts together around a temporary data directory. */
    public static final class Builder {
        private final ServerConfig config;
        private final List<AutoCloseable> closeables = new ArrayList<>();
        private Database database;
        private CompetencyFramework framework;
        private OllamaGateway ollama;
        private ServerMetrics metrics;

        private Builder(ServerConfig config) {
            this.config = config;
        }

        public Builder database(Database db) {
            this.database = db;
            return this;
        }

        public Builder framework(CompetencyFramework f) {
            this.framework = f;
            return this;
        }

        public Builder ollama(OllamaGateway gateway) {
            this.ollama = gateway;
            return this;
        }

        public Builder metrics(ServerMetrics m) {
            this.metrics = m;
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
