package vn.trolyso.server.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.trolyso.knowledge.ingest.UploadRequest;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.TextInput;

/** The upload form: the {@code file} part (required) and the optional text fields title, issuer, date and type. */
final class UploadForm {
    static final String FILE = "file";
    /** Longest accepted value per metadata field, in characters. */
    static final Map<String, Integer> FIELDS = Map.of("title", 500, "issuer", 300, "date", 100, "type", 100);

    private UploadForm() {
    }

    static UploadRequest from(MultipartForm form) {
        MultipartForm.Part file = form.part(FILE).orElseThrow(() -> ApiErrors.badRequest("missing_file",
                "Thiếu tệp tài liệu: hãy chọn tệp gửi trong trường \"file\"."));
        if (file.fileName().isEmpty() && file.size() == 0) {
            throw ApiErrors.badRequest("missing_file", "Chưa chọn tệp tài liệu nào để tải lên.");
        }
        String fileName = file.fileName().orElse("tai-lieu");
        TextInput.requireClean("filename", fileName);
        return new UploadRequest(file.content(), fileName, field(form, "title"), field(form, "issuer"),
                field(form, "date"), field(form, "type"));
    }

    /** The fields the administrator left blank (so the stored value, if any, was guessed from the text). */
    static List<String> blankFields(UploadRequest request) {
        List<String> blank = new ArrayList<>();
        if (request.title().isEmpty()) {
            blank.add("title");
        }
        if (request.issuer().isEmpty()) {
            blank.add("issuer");
        }
        if (request.date().isEmpty()) {
            blank.add("date");
        }
        if (request.type().isEmpty()) {
            blank.add("type");
        }
        return blank;
    }

    private static String field(MultipartForm form, String name) {
        return form.part(name).map(p -> {
            String value = p.text().strip();
            TextInput.requireClean(name, value);
            if (TextInput.length(value) > FIELDS.get(name)) {
                throw ApiErrors.invalidField(name, "dài quá " + FIELDS.get(name) + " ký tự.");
            }
            return value;
        }).orElse("");
    }
}
