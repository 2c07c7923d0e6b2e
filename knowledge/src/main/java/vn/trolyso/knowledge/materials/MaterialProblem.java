package vn.trolyso.knowledge.materials;

/**
 * Why one materials file was not loaded.
 *
 * @param file    the file name, e.g. "an-toan-mang.md"
 * @param field   the front-matter field or part of the file at fault, e.g. "duration_minutes", "Câu hỏi kiểm tra"
 * @param message what is wrong, in Vietnamese (shown to school administrators)
 */
public record MaterialProblem(String file, String field, String message) {
    @Override
    public String toString() {
        return file + " [" + field + "]: " + message;
    }
}
