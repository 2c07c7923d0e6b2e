package vn.trolyso.knowledge.materials;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;
import vn.trolyso.knowledge.document.SectionChunker;

/**
 * The training modules as indexable documents, so that answers can cite them. The {@code ##} sections are chunked by
 * the shared {@link SectionChunker}; the check questions are not indexed (they are for the learner, not evidence).
 */
public final class MaterialsSource implements DocumentSource {
    /** Citation type shown for every module. */
    public static final String TYPE = "Tài liệu học tập";
    /** Bump when the way modules become chunks changes, so existing indexes are rebuilt. */
    private static final String FORMAT_VERSION = "materials-2";

    private final Path dataDir;

    /** @param dataDir the data directory whose {@code materials/} folder holds the school's modules (may be null) */
    public MaterialsSource(Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public String name() {
        return "learning-materials";
    }

    @Override
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
            List<MaterialLibrary.SourceFile> files = new ArrayList<>(MaterialLibrary.bundledFiles());
            files.addAll(MaterialLibrary.schoolFiles(dataDir));
            for (MaterialLibrary.SourceFile f : files) {
                sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.bytes());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<IndexableDocument> load() {
        return MaterialLibrary.load(dataDir).all().stream().map(MaterialsSource::toDocument).toList();
    }

    static IndexableDocument toDocument(Material m) {
        DocumentMetadata metadata = new DocumentMetadata(m.id(), m.title(), "", "", "", TYPE, DocumentKind.MATERIAL,
                m.source());
        StringBuilder markdown = new StringBuilder();
        for (Material.Section section : m.sections()) {
            markdown.append("## ").append(section.heading()).append('\n').append(section.text()).append('\n');
        }
        return new IndexableDocument(metadata, SectionChunker.chunk(metadata, markdown.toString()));
    }
}
