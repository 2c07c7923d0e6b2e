package vn.trolyso.assistant;

/**
 * A source an answer used; the answer text refers to it as [n].
 *
 * @param n          the marker number used in the answer text (1-based)
 * @param documentId the cited document's id
 * @param title      the document title
 * @param issuer     the issuing body (may be empty)
 * @param section    the section path of the cited passage
 * @param snippet    a short excerpt of the cited passage
 */
public record Citation(int n, String documentId, String title, String issuer, String section, String snippet) {
}
