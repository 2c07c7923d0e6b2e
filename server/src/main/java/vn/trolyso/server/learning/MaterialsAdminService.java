package vn.trolyso.server.learning;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.materials.InvalidMaterialException;
import vn.trolyso.knowledge.materials.MaterialProblem;
import vn.trolyso.knowledge.materials.SchoolMaterials;
import vn.trolyso.server.documents.DocumentIngestion;
import vn.trolyso.server.documents.DocumentJson;
import vn.trolyso.server.documents.MultipartForm;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.TextInput;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;

/**
 * The school's training modules (admin token): {@code POST /materials} (multipart, a {@code file} part holding the
 * module's Markdown) and {@code DELETE /materials/{id}}. Each change updates the catalogue at once and asks the
 * background indexer to rebuild, so the module becomes searchable and citable shortly after. The reads
 * ({@code GET /materials…}) stay in {@link LearningApi}.
 */
public final class MaterialsAdminService {
    /** Largest accepted module file: a module is a few pages of Markdown. */
    static final int MAX_MATERIAL_BYTES = 1024 * 1024;
    static final String FILE = "file";

    private final MaterialCatalogue materials;
    private final DocumentIngestion documents;
    private final Supplier<Optional<KnowledgeBase>> knowledgeBase;

    /**
     * @param documents     whose background indexer rebuilds the index after a change
     * @param knowledgeBase the knowledge base once loaded
     */
    public MaterialsAdminService(MaterialCatalogue materials, DocumentIngestion documents,
                                 Supplier<Optional<KnowledgeBase>> knowledgeBase) {
        this.materials = materials;
        this.documents = documents;
        this.knowledgeBase = knowledgeBase;
    }

    /** Reading the modules stays in {@link LearningApi} (scope learning); changing them is the administrator's. */
    public void routes(Routes routes) {
        routes.post("/materials", RouteAccess.admin(), this::upload)
                .delete("/materials/{id}", RouteAccess.admin(), this::delete);
    }

    /** After the admin token, a loaded knowledge base (a change made while it loads could miss the index). */
    private void requireLoaded() {
        knowledgeBase.get().orElseThrow(ApiErrors::notReady);
    }

    private void upload(ServerRequest req, ServerResponse res) {
        requireLoaded();
        MultipartForm.Part file;
        byte[] content;
        try (MultipartForm form = MultipartForm.read(req, MAX_MATERIAL_BYTES)) {
            file = form.part(FILE).orElseThrow(() -> ApiErrors.badRequest("missing_file",
                    "Thiếu tệp học phần: hãy chọn tệp Markdown (.md) gửi trong trường \"file\"."));
            content = file.content();
        }
        if (file.fileName().isEmpty() && content.length == 0) {
            throw ApiErrors.badRequest("missing_file", "Chưa chọn tệp học phần nào để tải lên.");
        }
        if (content.length > MAX_MATERIAL_BYTES) {
            throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large", "Tệp học phần tối đa "
                    + MultipartForm.megabytes(MAX_MATERIAL_BYTES) + " MB.");
        }
        String fileName = file.fileName().orElse("hoc-phan.md");
        TextInput.requireClean("filename", fileName);
        SchoolMaterials.Saved saved;
        try {
            saved = materials.save(fileName, content);
        } catch (InvalidMaterialException e) {
            Json.send(res, Status.BAD_REQUEST_400, invalid(e.problems()));
            return;
        }
        documents.indexer().request((saved.replaced() ? "replace material " : "upload material ")
                + saved.material().id());
        Json.send(res, Status.CREATED_201, new LearningJson.Uploaded(new LearningJson.SavedMaterial(
                LearningJson.material(saved.material()), saved.replaced(), saved.overridesBundled()),
                indexingStatus()));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        requireLoaded();
        String id = req.path().pathParameters().get("id");
        SchoolMaterials.Removed removed = materials.delete(id).orElseThrow(() -> {
            if (materials.isBundled(id)) {
                return new ApiException(Status.CONFLICT_409, "bundled_material", "Học phần “" + id
                        + "” có sẵn trong hệ thống, không phải học phần trường tải lên, nên không xóa được.");
            }
            return ApiErrors.notFound("unknown_module", "Không có học phần do trường tải lên với mã “" + id + "”.");
        });
        documents.indexer().request("delete material " + id);
        Json.send(res, new LearningJson.Deleted(id, true, removed.restoresBundled(), removed.restoresBundled()
                ? "Đã xóa học phần của trường; học phần có sẵn cùng mã “" + id + "” được dùng lại."
                : "Đã xóa học phần “" + id + "”.", indexingStatus()));
    }

    /** The 400 body: the usual error shape plus every problem (file, field, what is wrong). */
    static LearningJson.InvalidMaterial invalid(List<MaterialProblem> problems) {
        return new LearningJson.InvalidMaterial(new LearningJson.InvalidMaterial.Detail("invalid_material",
                "Học phần không hợp lệ nên chưa được lưu: "
                        + problems.stream().map(MaterialProblem::toString).collect(Collectors.joining("; ")),
                problems.stream().map(p -> new LearningJson.Problem(p.file(), p.field(), p.message())).toList()));
    }

    private DocumentJson.Indexing indexingStatus() {
        return DocumentJson.indexing(documents.indexer().status(), knowledgeBase.get());
    }
}
