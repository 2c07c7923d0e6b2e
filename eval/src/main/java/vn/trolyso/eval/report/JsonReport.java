package vn.trolyso.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a command's figures as JSON for {@code --out FILE}: pretty-printed UTF-8, keys in insertion order (use a
 * {@link java.util.LinkedHashMap} or a record). The parent directory is created when missing.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(Path file, Object figures) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), figures);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes when an output file was asked for and says where. */
    public static void writeIfRequested(Optional<Path> out, Object figures) {
        out.ifPresent(file -> {
            write(file, figures);
            System.out.println("Figures written to " + file);
        });
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
