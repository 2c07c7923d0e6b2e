package vn.trolyso.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.trolyso.knowledge.document.BundledCorpusSource;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.framework.FrameworkSource;
import vn.trolyso.knowledge.materials.MaterialsSource;

/**
 * The one place that lists what the knowledge base indexes. Each area adds its source here: the bundled corpus
 * (knowledge), the competency framework passages (framework), the training materials (learning), the school's
 * uploads under {@code dataDir} (admin).
 */
public final class KnowledgeSources {
    private KnowledgeSources() {
    }

    /**
     * The default sources of a running service.
     *
     * @param dataDir the service's data directory (uploads live under it)
     */
    public static List<DocumentSource> defaults(Path dataDir) {
        List<DocumentSource> sources = new ArrayList<>();
        sources.add(new BundledCorpusSource());
        sources.add(FrameworkSource.bundled());
        sources.add(new MaterialsSource(dataDir));
        return List.copyOf(sources);
    }
}
