package vn.trolyso.knowledge.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;

/**
 * The school's own documents under {@code <dataDir>/documents/}: one folder per document with the original file, the
 * extracted text and a {@code metadata.json}. A document folder is written complete under a temporary name and
 * renamed into place, so a crash at any moment leaves either the old version or the new one, never half of one.
 * As a {@link DocumentSource} it feeds the knowledge base (kind {@link DocumentKind#OFFICIAL}).
 */
public final class UploadedDocumentStore implements DocumentSource {
    private static final Logger LOG = Logger.getLogger(UploadedDocumentStore.class.getName());
    /** Bump when the stored layout or the way text becomes chunks changes. */
    private static final String FORMAT_VERSION = "uploads-1";
    /** The type of a document when neither the upload nor its text gives one: a default, not a guess. */
    public static final String DEFAULT_TYPE = "Tài liệu của trường";
    private static final String METADATA = "metadata.json";
    private static final String TEXT = "text.txt";
    private static final String TMP_PREFIX = ".tmp-";
    private static final String TRASH_PREFIX = ".trash-";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;
    private final DocumentExtractor extractor;
    private final TextChunker chunker;
    private final Object writeLock = new Object();
    private volatile java.util.function.Consumer<String> onChange = id -> { };

    /**
     * The outcome of an upload: the stored document, whether it replaced an earlier version, and which metadata
     * fields left blank were kept from that version ("issuer", "date", "type", "place").
     */
    public record Added(StoredDocument document, boolean replaced, java.util.List<String> kept) {
        public Added(StoredDocument document, boolean replaced) {
            this(document, replaced, java.util.List.of());
        }
    }

    public UploadedDocumentStore(Path dataDir, DocumentExtractor extractor, TextChunker chunker) {
        this.root = dataDir.resolve("documents");
        this.extractor = extractor;
        this.chunker = chunker;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the document store " + root, e);
        }
        recover();
    }

    public Path root() {
        return root;
    }

    /**
     * Called with a document's id after it was stored, replaced or deleted, still under the store's write lock (a
     * node sharing its sources with others publishes the folder there).
     */
    public void onChange(java.util.function.Consumer<String> listener) {
        this.onChange = listener;
    }

    /** Runs {@code action} under the store's write lock: no upload or delete interleaves with it. */
    public <T> T exclusively(java.util.function.Supplier<T> action) {
        synchronized (writeLock) {
            return action.get();
        }
    }

    public DocumentExtractor extractor() {
        return extractor;
    }

    /**
     * Extracts, validates and stores an upload. The same title replaces the earlier version, keeping the metadata the
     * upload leaves blank (typed or read before, the earlier value wins over a new guess); the same content under
     * another title is refused as a duplicate. A typed date must be a date ({@link DocumentDates}).
     *
     * @throws IngestException when the file is refused; the store is then unchanged
     */
    public Added add(UploadRequest request) {
        String typedDate = DocumentDates.require(request.date());
        ExtractedDocument extracted = extractor.extract(request.content());
        GuessedMetadata guessed = extracted.guessed();
        String title = firstNonBlank(request.title(), guessed.title(), baseName(request.fileName()));
        if (title.length() > 500) {
            throw new IngestException("invalid_metadata", "Tiêu đề quá dài (tối đa 500 ký tự).");
        }
        String sha = sha256(request.content());
        synchronized (writeLock) {
            // Under the lock: whether a guessed title's id is already held by another file decides the id.
            String titleId = DocumentIds.fromTitle(title);
            String id = isBlank(request.title()) ? unclaimedId(titleId, request.fileName()) : titleId;
            DocumentMetadata before = find(id).map(StoredDocument::metadata).orElse(null);
            List<String> kept = new ArrayList<>();
            DocumentMetadata metadata = new DocumentMetadata(id, title,
                    merge("issuer", request.issuer(), before == null ? "" : before.issuer(), guessed.issuer(), kept),
                    firstNonBlank(guessed.place(), before == null ? "" : before.place()),
                    merge("date", typedDate, before == null ? "" : before.date(), guessed.date(), kept),
                    firstNonBlank(merge("type", request.type(), before == null || DEFAULT_TYPE.equals(before.type())
                            ? "" : before.type(), guessed.type(), kept), DEFAULT_TYPE),
                    DocumentKind.OFFICIAL, request.fileName());
            if (chunker.chunk(metadata, extracted.text()).isEmpty()) {
                throw new IngestException("empty_document", "Tệp không có đoạn nội dung nào để tra cứu.");
            }
            StoredDocument doc = new StoredDocument(metadata, extracted.format(), sha, request.content().length,
                    Instant.now().toString(), extracted.text().length());
            for (StoredDocument existing : list()) {
                if (existing.sha256().equals(sha) && !existing.id().equals(id)) {
                    throw new IngestException("duplicate_document", "Tệp này đã có trong kho tài liệu với tiêu đề “"
                            + existing.metadata().title() + "”. Muốn thay thế, hãy tải lên với cùng tiêu đề.");
                }
            }
            boolean replaced = Files.isDirectory(root.resolve(id));
            write(doc, request.content(), extracted.text());
            onChange.accept(id);
            LOG.info(() -> (replaced ? "Replaced" : "Stored") + " uploaded document " + id + " (" + doc.format()
                    + ", " + doc.sizeBytes() + " bytes)");
            return new Added(doc, replaced, List.copyOf(kept));
        }
    }

    /** The typed value, else the earlier version's (noted in {@code kept}), else the guess from the new text. */
    private static String merge(String field, String typed, String earlier, String guessed, List<String> kept) {
        if (!typed.isBlank()) {
            return typed;
        }
        if (!earlier.isBlank()) {
            kept.add(field);
            return earlier;
        }
        return guessed;
    }

    /** Removes a document; false when there is none with this id. */
    public boolean delete(String id) {
        if (!DocumentIds.isValid(id)) {
            return false;
        }
        synchronized (writeLock) {
            Path dir = root.resolve(id);
            if (!Files.isDirectory(dir)) {
                return false;
            }
            Path trash = root.resolve(TRASH_PREFIX + id + "." + UUID.randomUUID());
            move(dir, trash);
            deleteTree(trash);
            onChange.accept(id);
            LOG.info(() -> "Deleted uploaded document " + id);
            return true;
        }
    }

    /** Every stored document, newest upload first. */
    public List<StoredDocument> list() {
        List<StoredDocument> docs = new ArrayList<>();
        for (Path dir : documentDirs()) {
            read(dir).ifPresent(docs::add);
        }
        docs.sort(Comparator.comparing(StoredDocument::uploadedAt).reversed());
        return docs;
    }

    public Optional<StoredDocument> find(String id) {
        return DocumentIds.isValid(id) ? read(root.resolve(id)) : Optional.empty();
    }

    /** The stored original file of a document. */
    public Optional<Path> original(String id) {
        return find(id).map(d -> root.resolve(id).resolve("original." + d.format().extension()));
    }

    @Override
    public String name() {
        return "uploaded-documents";
    }

    @Override
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
            for (Path dir : documentDirs()) {
                Path meta = dir.resolve(METADATA);
                if (Files.isRegularFile(meta)) {
                    sha.update(dir.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(meta));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<IndexableDocument> load() {
        List<IndexableDocument> out = new ArrayList<>();
        for (StoredDocument doc : list()) {
            try {
                String text = Files.readString(root.resolve(doc.id()).resolve(TEXT), StandardCharsets.UTF_8);
                out.add(new IndexableDocument(doc.metadata(), chunker.chunk(doc.metadata(), text)));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Skipping uploaded document " + doc.id() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private void write(StoredDocument doc, byte[] original, String text) {
        Path tmp = root.resolve(TMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            writeSynced(tmp.resolve("original." + doc.format().extension()), original);
            writeSynced(tmp.resolve(TEXT), text.getBytes(StandardCharsets.UTF_8));
            writeSynced(tmp.resolve(METADATA), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(MetadataFile.of(doc)));
            Path target = root.resolve(doc.id());
            if (Files.exists(target)) {
                Path trash = root.resolve(TRASH_PREFIX + doc.id() + "." + UUID.randomUUID());
                move(target, trash);
                move(tmp, target);
                deleteTree(trash);
            } else {
                move(tmp, target);
            }
        } catch (IOException e) {
            deleteTree(tmp);
            throw new UncheckedIOException("Cannot store document " + doc.id(), e);
        }
    }

    /** Finishes what a crash interrupted: drops half-written folders, restores a replaced version never completed. */
    private void recover() {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(TMP_PREFIX)) {
                    deleteTree(p);
                } else if (name.startsWith(TRASH_PREFIX)) {
                    String id = name.substring(TRASH_PREFIX.length(), name.lastIndexOf('.'));
                    Path target = root.resolve(id);
                    if (!Files.exists(target) && Files.isRegularFile(p.resolve(METADATA))) {
                        LOG.warning(() -> "Restoring document " + id + " after an interrupted replacement");
                        move(p, target);
                    } else {
                        deleteTree(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document store " + root, e);
        }
    }

    private List<Path> documentDirs() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> DocumentIds.isValid(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<StoredDocument> read(Path dir) {
        Path meta = dir.resolve(METADATA);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(meta.toFile(), MetadataFile.class).toStored());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Unreadable metadata in " + dir + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete " + dir + ": " + e.getMessage());
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replacing is destructive, so only an explicit title (or the same file again) replaces a document: a guessed
     * title that another file already holds ("Điều 2. Mục đích" of two regulations dropped in the inbox) gets the
     * file's name appended instead of silently overwriting the other file's text.
     */
    private String unclaimedId(String id, String fileName) {
        Optional<StoredDocument> holder = find(id);
        if (holder.isEmpty() || isBlank(fileName) || fileName.equals(holder.get().metadata().source())) {
            return id;
        }
        return DocumentIds.withSuffix(id, baseName(fileName));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static String baseName(String fileName) {
        String name = fileName.replaceAll(".*[/\\\\]", "");
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The JSON layout of {@code metadata.json}. */
    record MetadataFile(String id, String title, String issuer, String place, String date, String type,
                        String fileName, String format, String sha256, long sizeBytes, String uploadedAt,
                        int characters) {
        static MetadataFile of(StoredDocument d) {
            DocumentMetadata m = d.metadata();
            return new MetadataFile(m.id(), m.title(), m.issuer(), m.place(), m.date(), m.type(), m.source(),
                    d.format().name(), d.sha256(), d.sizeBytes(), d.uploadedAt(), d.characters());
        }

        StoredDocument toStored() {
            return new StoredDocument(new DocumentMetadata(id, title, issuer, place, date, type, DocumentKind.OFFICIAL,
                    fileName), DocumentFormat.valueOf(format), sha256, sizeBytes, uploadedAt, characters);
        }
    }
}
