package vn.trolyso.knowledge.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The official documents shipped with Trợ lý số: {@code knowledge/src/main/resources/corpus/*.txt} described by
 * {@code corpus/manifest.json}. Each file becomes a document of kind {@link DocumentKind#OFFICIAL} whose id is the
 * file name without ".txt". The same layout can be read from a directory (tests, a school's own copy).
 */
public final class BundledCorpusSource implements DocumentSource {
    private static final Logger LOG = Logger.getLogger(BundledCorpusSource.class.getName());
    private static final String RESOURCE_DIR = "corpus/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;

    /** The corpus bundled on the classpath. */
    public BundledCorpusSource() {
        this.directory = null;
    }

    /** A corpus in a directory holding {@code manifest.json} and the text files it lists. */
    public BundledCorpusSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "bundled-corpus";
    }

    @Override
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] manifest = read("manifest.json");
            sha.update(manifest);
            for (JsonNode entry : MAPPER.readTree(manifest).path("documents")) {
                String file = entry.path("file").asText();
                sha.update(file.getBytes(StandardCharsets.UTF_8));
                sha.update(read(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled corpus", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<IndexableDocument> load() {
        JsonNode manifest;
        try {
            manifest = MAPPER.readTree(read("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus/manifest.json", e);
        }
        List<IndexableDocument> documents = new ArrayList<>();
        for (JsonNode entry : manifest.path("documents")) {
            String file = entry.path("file").asText();
            try {
                String raw = new String(read(file), StandardCharsets.UTF_8);
                DocumentMetadata metadata = new DocumentMetadata(
                        file.endsWith(".txt") ? file.substring(0, file.length() - 4) : file,
                        entry.path("title").asText(file),
                        entry.path("issuer").asText(""),
                        entry.path("place").asText(""),
                        entry.path("date").asText(""),
                        entry.path("type").asText(""),
                        DocumentKind.OFFICIAL,
                        file);
                List<Chunk> chunks = SectionChunker.chunk(metadata, PlainTextCleaner.clean(raw));
                documents.add(new IndexableDocument(metadata,
                        DocumentCard.appendTo(chunks, metadata, entry.path("signer").asText(""),
                                DocumentNumber.inHeader(raw))));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Skipping corpus file " + file + ": " + e.getMessage(), e);
            }
        }
        return documents;
    }

    private byte[] read(String file) throws IOException {
        if (file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw new IOException("invalid corpus file name: " + file);
        }
        if (directory != null) {
            return Files.readAllBytes(directory.resolve(file));
        }
        try (InputStream in = BundledCorpusSource.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IOException("missing bundled resource corpus/" + file);
            }
            return in.readAllBytes();
        }
    }
}
