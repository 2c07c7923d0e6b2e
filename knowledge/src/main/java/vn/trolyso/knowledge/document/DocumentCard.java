package vn.trolyso.knowledge.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A passage that states a document's own facts: who issued it, where, when and who signed it. The text of a plan
 * gives these only in its header and signature block, which cleaning removes, so "ai ký kế hoạch này?" or "trường
 * này thuộc tỉnh nào?" would have nothing to answer from. Appended after the document's own chunks, so their ids
 * do not move.
 */
public final class DocumentCard {
    public static final String SECTION = "Thông tin văn bản";
    /** Opens the fact stating the document's own number ({@link DocumentNumber}); nothing else starts so. */
    public static final String NUMBER_LABEL = "Số hiệu văn bản";

    private DocumentCard() {
    }

    /** The card of a document whose issuer is known, numbered after {@code chunks}; empty otherwise. */
    public static Optional<Chunk> of(DocumentMetadata doc, String signer, List<Chunk> chunks) {
        return of(doc, signer, Optional.empty(), chunks);
    }

    /** The same, with the document's own number when its header states one ({@link DocumentNumber}). */
    public static Optional<Chunk> of(DocumentMetadata doc, String signer, Optional<String> number,
                                     List<Chunk> chunks) {
        if (doc.issuer().isBlank()) {
            return Optional.empty();
        }
        List<String> facts = new ArrayList<>();
        // Not the title: every question about the plan would match it, and its passages already carry it. Each
        // fact names the issuer, so it answers on its own ("trường … ở xã nào?", "hiệu trưởng … tên là gì?") rather
        // than losing to the issuer line, which matches the same name and nothing else.
        facts.add("Đơn vị ban hành: " + doc.issuer() + (doc.date().isBlank() ? "" : " (" + doc.date() + ")") + ".");
        if (!doc.place().isBlank()) {
            facts.add(doc.issuer() + " thuộc địa bàn " + doc.place() + ".");
        }
        if (signer != null && !signer.isBlank()) {
            facts.add("Người ký văn bản của " + doc.issuer() + ": " + signer + ".");
        }
        number.ifPresent(n -> facts.add(NUMBER_LABEL + " của " + doc.issuer() + ": " + n + "."));
        return Optional.of(new Chunk(doc.id(), chunks.size(), SECTION, String.join("\n", facts)));
    }

    /** {@code chunks} with the document's card after them, when it has one. */
    public static List<Chunk> appendTo(List<Chunk> chunks, DocumentMetadata doc, String signer) {
        return appendTo(chunks, doc, signer, Optional.empty());
    }

    /** The same, the card stating the document's own number when there is one. */
    public static List<Chunk> appendTo(List<Chunk> chunks, DocumentMetadata doc, String signer,
                                       Optional<String> number) {
        Optional<Chunk> card = of(doc, signer, number, chunks);
        if (card.isEmpty()) {
            return chunks;
        }
        List<Chunk> out = new ArrayList<>(chunks);
        out.add(card.get());
        return List.copyOf(out);
    }
}
