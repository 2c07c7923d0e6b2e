package vn.trolyso.eval.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;
import vn.trolyso.knowledge.document.PlainTextCleaner;
import vn.trolyso.knowledge.document.SectionChunker;

/**
 * A retrieval set given as a CSV with {@code context} and {@code question} columns: the distinct contexts
 * (deduplicated on an NFKC, control-free, whitespace-collapsed key) are the corpus, each question's own context is
 * its one relevant article. This is the published protocol of the external benchmark that {@code retrieval
 * --dataset virhe4qa} reads from {@code ../shared} at run time; the data itself is never part of this repository.
 */
public final class ArticleQuestionSet {
    /** One question and the id of its article. */
    public record Question(String text, String articleId) {
    }

    private final String fileName;
    private final Map<String, String> articles;
    private final List<Question> questions;

    private ArticleQuestionSet(String fileName, Map<String, String> articles, List<Question> questions) {
        this.fileName = fileName;
        this.articles = articles;
        this.questions = questions;
    }

    public static ArticleQuestionSet load(Path csv) {
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        List<List<String>> rows = Csv.parse(text);
        List<String> header = rows.get(0);
        int contextCol = header.indexOf("context");
        int questionCol = header.indexOf("question");
        if (contextCol < 0 || questionCol < 0) {
            throw new IllegalArgumentException(csv + " has no context/question columns: " + header);
        }
        Map<String, String> idByKey = new LinkedHashMap<>();
        Map<String, String> articles = new LinkedHashMap<>();
        List<Question> questions = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(contextCol, questionCol)) {
                continue;
            }
            String context = row.get(contextCol);
            String id = idByKey.computeIfAbsent(dedupKey(context), k -> "a" + (idByKey.size() + 1));
            articles.putIfAbsent(id, context);
            questions.add(new Question(row.get(questionCol), id));
        }
        return new ArticleQuestionSet(csv.getFileName().toString(), articles, questions);
    }

    /** The protocol's deduplication key: NFKC, control characters (newlines and tabs too) removed, whitespace collapsed. */
    public static String dedupKey(String context) {
        String s = Normalizer.normalize(context, Normalizer.Form.NFKC);
        s = s.replaceAll("\\p{C}", "");
        return s.replaceAll("\\s+", " ").strip();
    }

    public int articleCount() {
        return articles.size();
    }

    public List<Question> questions() {
        return questions;
    }

    /** The articles as one-passage documents, for a temporary index built with the project's analyzers. */
    public DocumentSource asSource() {
        return asSource(false);
    }

    /**
     * The articles as documents for a temporary index built with the project's analyzers.
     *
     * @param chunked cut each article as production cuts a document ({@link PlainTextCleaner}, then
     *                {@link SectionChunker}) rather than keeping it as one passage
     */
    public DocumentSource asSource(boolean chunked) {
        return new DocumentSource() {
            @Override
            public String name() {
                return "article-questions";
            }

            @Override
            public String fingerprint() {
                return Integer.toHexString(articles.hashCode()) + (chunked ? "-chunked" : "-whole");
            }

            @Override
            public List<IndexableDocument> load() {
                List<IndexableDocument> docs = new ArrayList<>();
                articles.forEach((id, context) -> {
                    DocumentMetadata meta = new DocumentMetadata(id, "", "", "", "", "", DocumentKind.OFFICIAL,
                            fileName);
                    List<Chunk> chunks = SectionChunker.chunk(meta, PlainTextCleaner.clean(context));
                    if (!chunked || chunks.isEmpty()) {
                        // One passage, titled by the heading the production chunker finds ("Điều 3. …").
                        String heading = chunks.isEmpty() ? "" : chunks.get(0).sectionPath();
                        chunks = List.of(new Chunk(id, 0, heading.equals(SectionChunker.PREAMBLE) ? "" : heading,
                                context));
                    }
                    docs.add(new IndexableDocument(meta, chunks));
                });
                return docs;
            }
        };
    }
}
