package vn.trolyso.knowledge.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Ingests files dropped into {@code <dataDir>/inbox/} (scanned at start and on request): each good file goes into the
 * document store and leaves the inbox; a refused one moves to {@code inbox/rejected/} next to a {@code .error.txt}
 * that says why, in Vietnamese.
 */
public final class InboxScanner {
    private static final Logger LOG = Logger.getLogger(InboxScanner.class.getName());

    private final Path inbox;
    private final UploadedDocumentStore store;

    /** What one scan did. */
    public record Result(List<String> stored, List<String> rejected) {
        public boolean changed() {
            return !stored.isEmpty();
        }
    }

    public InboxScanner(Path dataDir, UploadedDocumentStore store) {
        this.inbox = dataDir.resolve("inbox");
        this.store = store;
    }

    public Path inbox() {
        return inbox;
    }

    public Result scan() {
        List<String> stored = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try {
            Files.createDirectories(inbox);
            List<Path> files;
            try (Stream<Path> entries = Files.list(inbox)) {
                files = entries.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    UploadedDocumentStore.Added added = store.add(UploadRequest.of(read(file), name));
                    Files.delete(file);
                    stored.add(added.document().id());
                } catch (IngestException e) {
                    reject(file, e);
                    rejected.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan the inbox " + inbox, e);
        }
        if (!stored.isEmpty() || !rejected.isEmpty()) {
            LOG.info(() -> "Inbox scan: stored " + stored + ", rejected " + rejected);
        }
        return new Result(stored, rejected);
    }

    /** Reads a file, refusing one over the size limit before loading it into memory. */
    private byte[] read(Path file) throws IOException {
        long limit = store.extractor().limits().maxFileBytes();
        if (Files.size(file) > limit) {
            throw DocumentExtractor.tooLarge(Files.size(file), limit);
        }
        return Files.readAllBytes(file);
    }

    private void reject(Path file, IngestException e) throws IOException {
        Path rejectedDir = inbox.resolve("rejected");
        Files.createDirectories(rejectedDir);
        String name = file.getFileName().toString();
        Files.move(file, rejectedDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(rejectedDir.resolve(name + ".error.txt"), e.code() + "\n" + e.getMessage() + "\n",
                StandardCharsets.UTF_8);
        LOG.warning(() -> "Rejected inbox file " + name + ": " + e.code());
    }
}
