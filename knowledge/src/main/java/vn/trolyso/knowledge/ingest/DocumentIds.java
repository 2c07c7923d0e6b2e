package vn.trolyso.knowledge.ingest;

import vn.trolyso.knowledge.text.VietnameseText;

/** Stable ids for uploaded documents, derived from the title so a re-upload of the same document replaces it. */
public final class DocumentIds {
    /** Prefix that keeps uploaded ids apart from the bundled corpus' ids. */
    public static final String PREFIX = "tl-";
    private static final int MAX_SLUG = 80;

    private DocumentIds() {
    }

    /** "Kế hoạch số 12: Đổi mới" → "tl-ke-hoach-so-12-doi-moi". */
    public static String fromTitle(String title) {
        String folded = VietnameseText.slug(title);
        if (folded.length() > MAX_SLUG) {
            folded = folded.substring(0, MAX_SLUG).replaceAll("-[^-]*$", "");
        }
        return PREFIX + (folded.isEmpty() ? "tai-lieu" : folded);
    }

    /** {@code id} told apart by a name ("tl-dieu-2-muc-dich" + "quy-che-thi.txt"), still within the id length. */
    public static String withSuffix(String id, String name) {
        String suffix = fromTitle(name).substring(PREFIX.length());
        int room = Math.max(PREFIX.length() + 1, PREFIX.length() + MAX_SLUG - suffix.length() - 1);
        String base = id.length() > room ? id.substring(0, room).replaceAll("-+$", "") : id;
        String out = base + "-" + suffix;
        return out.length() > PREFIX.length() + MAX_SLUG ? out.substring(0, PREFIX.length() + MAX_SLUG)
                .replaceAll("-+$", "") : out;
    }

    /** Whether a string can be an uploaded document's id (also guards the store's paths). */
    public static boolean isValid(String id) {
        return id != null && id.matches("tl-[a-z0-9]+(-[a-z0-9]+)*") && id.length() <= PREFIX.length() + MAX_SLUG;
    }
}
