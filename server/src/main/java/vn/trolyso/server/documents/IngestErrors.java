package vn.trolyso.server.documents;

import io.helidon.http.Status;
import vn.trolyso.knowledge.ingest.IngestException;
import vn.trolyso.server.http.ApiException;

/** Maps a refused file to the HTTP status of its stable code; the code and the Vietnamese message pass unchanged. */
final class IngestErrors {
    private IngestErrors() {
    }

    static ApiException toApi(IngestException e) {
        return new ApiException(status(e.code()), e.code(), e.getMessage());
    }

    static Status status(String code) {
        return switch (code) {
            case "unsupported_type" -> Status.UNSUPPORTED_MEDIA_TYPE_415;
            case "too_large" -> Status.REQUEST_ENTITY_TOO_LARGE_413;
            case "duplicate_document" -> Status.CONFLICT_409;
            // empty_document, invalid_encoding, encrypted_document, corrupt_document, zip_bomb, scanned_pdf,
            // invalid_metadata and any code added later: the file itself is the problem.
            default -> Status.BAD_REQUEST_400;
        };
    }
}
