package vn.trolyso.knowledge.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bundled word lists ({@code text/*.tsv}): tab-separated rows, blank lines and "#" comments skipped. */
final class TsvResource {
    private TsvResource() {
    }

    /** The rows of a classpath resource, each split at its tabs. */
    static List<String[]> rows(String resource) {
        try (InputStream in = TsvResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell listing several forms ("kinh phí|ngân sách"), each stripped, empty ones dropped. */
    static List<String> forms(String cell) {
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(f -> !f.isEmpty()).toList();
    }
}
