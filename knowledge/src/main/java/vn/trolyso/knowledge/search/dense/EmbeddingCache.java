package vn.trolyso.knowledge.search.dense;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The vectors already computed, keyed by a hash of model and text, so a restart or a rebuild embeds only passages it
 * has not seen. Persisted to one file per model (written to a temporary file, then moved into place); a missing or
 * unreadable file just means an empty cache. Null path: memory only. Thread-safe.
 */
final class EmbeddingCache {
    private static final Logger LOG = Logger.getLogger(EmbeddingCache.class.getName());
    private static final int MAGIC = 0x544c5356; // "TLSV"
    private static final int VERSION = 1;

    private final String model;
    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    EmbeddingCache(String model, Path file) {
        this.model = model;
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            load();
        }
    }

    /** The file of a model's cache inside {@code dir} (model names like "bge-m3:latest" made file-safe). */
    static Path fileFor(Path dir, String model) {
        return dir.resolve(model.replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
    }

    String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    float[] get(String key) {
        return vectors.get(key);
    }

    void put(String key, float[] vector) {
        vectors.put(key, vector);
    }

    /** Forgets the vectors of passages no longer served, so the file does not grow with every edit. */
    void retainOnly(Set<String> keys) {
        vectors.keySet().retainAll(keys);
    }

    void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(model);
                Map<String, float[]> copy = Map.copyOf(vectors);
                out.writeInt(copy.size());
                for (Map.Entry<String, float[]> e : copy.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save the embedding cache " + file + ": " + e.getMessage());
        }
    }

    private void load() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !model.equals(in.readUTF())) {
                LOG.warning("Embedding cache " + file + " is of another format or model: starting empty");
                return;
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                int dim = in.readInt();
                if (dim < 1 || dim > 65_536) {
                    throw new IOException("implausible dimension " + dim);
                }
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = in.readFloat();
                }
                vectors.put(key, v);
            }
        } catch (EOFException e) {
            vectors.clear();
            LOG.warning("Embedding cache " + file + " is truncated: starting empty");
        } catch (IOException e) {
            vectors.clear();
            LOG.warning("Embedding cache " + file + " is unreadable (" + e.getMessage() + "): starting empty");
        }
    }
}
