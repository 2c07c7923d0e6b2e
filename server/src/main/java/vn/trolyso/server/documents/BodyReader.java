package vn.trolyso.server.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A multipart body as it is read: counted against its limit ({@link MultipartForm.TooLarge} past it), with a
 * streaming search for a delimiter (KMP) that copies what comes before it.
 */
final class BodyReader {
    private final InputStream in;
    private final long max;
    private long read;

    BodyReader(InputStream in, long max) {
        this.in = in;
        this.max = max;
    }

    int read() throws IOException {
        int b = in.read();
        if (b >= 0 && ++read > max) {
            throw new MultipartForm.TooLarge();
        }
        return b;
    }

    /** Copies the bytes before {@code delimiter} to {@code out} and consumes it; false at the end of the body. */
    boolean copyUntil(byte[] delimiter, OutputStream out) throws IOException {
        int[] fail = failure(delimiter);
        int j = 0;
        for (int b = read(); b >= 0; b = read()) {
            while (j > 0 && b != (delimiter[j] & 0xff)) {
                int keep = fail[j - 1];
                out.write(delimiter, 0, j - keep);
                j = keep;
            }
            if (b == (delimiter[j] & 0xff)) {
                if (++j == delimiter.length) {
                    return true;
                }
            } else {
                out.write(b);
            }
        }
        out.write(delimiter, 0, j);
        return false;
    }

    private static int[] failure(byte[] p) {
        int[] f = new int[p.length];
        for (int i = 1, k = 0; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = f[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }

    /** An in-memory sink that refuses more than its limit. */
    static final class Limited extends OutputStream {
        private final ByteArrayOutputStream out;
        private final int max;

        Limited(ByteArrayOutputStream out, int max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public void write(int b) {
            if (out.size() >= max) {
                throw new Exceeded();
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (out.size() + len > max) {
                throw new Exceeded();
            }
            out.write(b, off, len);
        }

        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }
    }
}
