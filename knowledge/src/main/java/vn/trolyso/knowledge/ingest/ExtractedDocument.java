package vn.trolyso.knowledge.ingest;

/**
 * The outcome of a successful extraction.
 *
 * @param format  the format detected from the content
 * @param text    the cleaned NFC text, headers/footers repeated on every page removed
 * @param guessed metadata read from the text
 */
public record ExtractedDocument(DocumentFormat format, String text, GuessedMetadata guessed) {
}
