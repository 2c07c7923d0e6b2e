package vn.trolyso.knowledge.framework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.document.IndexableDocument;

/** Indexes the competency framework: one document of overview and competency × level passages. */
public final class FrameworkSource implements DocumentSource {
    /** Bump when the passage layout in {@link FrameworkDocument} changes, so indexes rebuild. */
    static final String FORMAT_VERSION = "framework-passages-1";

    private final CompetencyFramework framework;
    private final String fingerprint;

    private FrameworkSource(CompetencyFramework framework, String fingerprint) {
        this.framework = framework;
        this.fingerprint = fingerprint;
    }

    /** The bundled framework data; fails with {@link FrameworkDataException} if it is malformed. */
    public static FrameworkSource bundled() {
        byte[] bytes;
        try (InputStream in = FrameworkSource.class.getResourceAsStream(FrameworkLoader.BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new FrameworkDataException("bundled framework data " + FrameworkLoader.BUNDLED_RESOURCE + " is not on the classpath");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new FrameworkDataException("cannot read " + FrameworkLoader.BUNDLED_RESOURCE + ": " + e.getMessage(), e);
        }
        CompetencyFramework framework = FrameworkLoader.load(new java.io.ByteArrayInputStream(bytes));
        return new FrameworkSource(framework, sha256(bytes));
    }

    @Override
    public String name() {
        return "competency-framework";
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<IndexableDocument> load() {
        return List.of(new FrameworkDocument(framework).document());
    }

    private static String sha256(byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(FORMAT_VERSION.getBytes(StandardCharsets.UTF_8));
            md.update(data);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
