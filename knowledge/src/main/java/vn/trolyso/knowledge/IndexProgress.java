package vn.trolyso.knowledge;

/** Receives the progress of an index build: {@code done} of {@code total} documents indexed. */
@FunctionalInterface
public interface IndexProgress {
    IndexProgress NONE = (done, total) -> { };

    void progress(int done, int total);
}
