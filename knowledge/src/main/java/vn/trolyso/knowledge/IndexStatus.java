package vn.trolyso.knowledge;

import java.time.Instant;

/**
 * What the knowledge base is serving.
 *
 * @param generation    name of the index generation being searched, e.g. "gen-000002"
 * @param documents     documents in it
 * @param chunks        passages in it
 * @param fingerprint   combined fingerprint of the sources it was built from
 * @param builtAt       when that generation was written
 * @param rebuilding    whether a rebuild is running now
 * @param lastBuildMillis how long the last build of this process took (0 when the index was reused)
 * @param lastError     the last failed build's error, or "" (the previous generation keeps serving)
 */
public record IndexStatus(String generation, int documents, int chunks, String fingerprint, Instant builtAt,
                          boolean rebuilding, long lastBuildMillis, String lastError) {
}
