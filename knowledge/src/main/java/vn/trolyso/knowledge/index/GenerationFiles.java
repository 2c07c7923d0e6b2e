package vn.trolyso.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import vn.trolyso.knowledge.IndexProgress;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.IndexableDocument;

/**
 * The on-disk layout of the index root ({@code <dataDir>/index/}): generation directories {@code gen-NNNNNN}, the
 * {@code CURRENT} file naming the live one (replaced atomically), writing a new generation and deleting stale ones.
 */
public final class GenerationFiles {
    /** The file naming the live generation. */
    public static final String CURRENT_FILE = "CURRENT";
    private static final Pattern GENERATION_NAME = Pattern.compile("gen-\\d{6}");
    private static final Logger LOG = Logger.getLogger(GenerationFiles.class.getName());

    private final Path root;

    public GenerationFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public void createRoot() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the index directory " + root, e);
        }
    }

    /** The generation {@code CURRENT} names, or empty when it is missing, unreadable or names no generation. */
    public Optional<String> readCurrent() {
        Path file = root.resolve(CURRENT_FILE);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return GENERATION_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Makes {@code name} the live generation: written beside, then moved over {@code CURRENT} atomically. */
    public void writeCurrent(String name) throws IOException {
        Path tmp = root.resolve(CURRENT_FILE + ".tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(CURRENT_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** One past the highest generation number on disk. */
    public String nextGenerationName() {
        int max = 0;
        try (Stream<Path> listing = Files.list(root)) {
            for (Path p : (Iterable<Path>) listing::iterator) {
                String n = p.getFileName().toString();
                if (GENERATION_NAME.matcher(n).matches()) {
                    max = Math.max(max, Integer.parseInt(n.substring(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format("gen-%06d", max + 1);
    }

    /**
     * Writes every passage of {@code documents} as a new, force-merged generation at {@code path}, with the
     * fingerprint and build time in its commit data.
     */
    public static void write(Path path, List<IndexableDocument> documents, String fingerprint, Analyzer analyzer,
                             Ranking ranking, IndexProgress listener) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(IndexGeneration.similarity(ranking));
        try (FSDirectory directory = FSDirectory.open(path); IndexWriter writer = new IndexWriter(directory, config)) {
            int done = 0;
            listener.progress(0, documents.size());
            for (IndexableDocument doc : documents) {
                for (Chunk chunk : doc.chunks()) {
                    writer.addDocument(ChunkFields.toDocument(doc.metadata(), chunk));
                }
                listener.progress(++done, documents.size());
            }
            Map<String, String> userData = new LinkedHashMap<>();
            userData.put(IndexGeneration.FINGERPRINT_KEY, fingerprint);
            userData.put(IndexGeneration.BUILT_AT_KEY, Instant.now().toString());
            writer.setLiveCommitData(userData.entrySet());
            writer.forceMerge(1);
            writer.commit();
        }
    }

    /** Deletes every generation directory but {@code keep}. */
    public void deleteStaleGenerations(String keep) {
        try (Stream<Path> listing = Files.list(root)) {
            listing.filter(p -> p.getFileName().toString().startsWith("gen-"))
                    .filter(p -> !p.getFileName().toString().equals(keep))
                    .forEach(GenerationFiles::deleteQuietly);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not list " + root, e);
        }
    }

    /** Deletes a directory tree, logging (not throwing) what could not be deleted. */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not delete " + p, e);
                }
            });
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not delete " + dir, e);
        }
    }
}
