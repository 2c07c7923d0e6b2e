package vn.trolyso.eval.qa;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A list of {@link QaItem}s loaded from JSON-lines files. {@link #bundled()} loads every
 * {@code eval/src/main/resources/qa/*.jsonl} (from the classpath, in a jar or a directory), so a new question file
 * dropped beside {@code dev-qa.jsonl} is picked up without code changes.
 */
public final class QaSet {
    /** Classpath folder of the bundled QA files. */
    public static final String RESOURCE_DIR = "qa";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<QaItem> items;

    public QaSet(List<QaItem> items) {
        this.items = List.copyOf(items);
    }

    public List<QaItem> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public QaSet filter(Predicate<QaItem> predicate) {
        return new QaSet(items.stream().filter(predicate).toList());
    }

    public QaSet ofKind(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return filter(item -> wanted.contains(item.kind()));
    }

    /** Items that can score retrieval (they name {@code doc} and {@code passage}). */
    public QaSet retrieval() {
        return filter(QaItem::isRetrieval);
    }

    /** Items of one file, e.g. {@code dev-qa.jsonl}. */
    public QaSet fromFile(String fileName) {
        return filter(item -> item.source().equals(fileName));
    }

    /** Loads one JSON-lines file; blank lines and lines starting with {@code //} are skipped. */
    public static QaSet load(Path file) {
        try {
            return new QaSet(parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read QA file " + file, e);
        }
    }

    /** Loads every bundled {@code qa/*.jsonl}, files in name order. Item ids must be unique across files. */
    public static QaSet bundled() {
        URL url = QaSet.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            throw new IllegalStateException("no bundled QA folder '" + RESOURCE_DIR + "' on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return loadDirectory(fs.getPath(RESOURCE_DIR));
                }
            }
            return loadDirectory(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled QA files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static QaSet loadDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<QaItem> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            for (QaItem item : parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString())) {
                if (!ids.add(item.id())) {
                    throw new IllegalStateException("duplicate QA id '" + item.id() + "' in " + file.getFileName());
                }
                all.add(item);
            }
        }
        return new QaSet(all);
    }

    static List<QaItem> parse(String jsonl, String fileName) {
        List<QaItem> items = new ArrayList<>();
        String[] lines = jsonl.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            try {
                QaItem item = MAPPER.readValue(line, QaItem.class).withSource(fileName);
                if (item.id() == null || item.id().isBlank()) {
                    throw new IllegalArgumentException("missing id");
                }
                if (item.question().isBlank()) {
                    throw new IllegalArgumentException("missing q/turns");
                }
                items.add(item);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(fileName + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return items;
    }
}
