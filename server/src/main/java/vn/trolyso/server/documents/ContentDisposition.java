package vn.trolyso.server.documents;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The parameters of a part's {@code Content-Disposition} header (RFC 7578 with RFC 5987 file names). */
final class ContentDisposition {
    private ContentDisposition() {
    }

    /** The value of {@code key=value} or {@code key="quoted value"} in a Content-Disposition header. */
    static Optional<String> parameter(String header, String key) {
        int i = 0;
        int n = header.length();
        while (i < n) {
            int semi = header.indexOf(';', i);
            if (semi < 0) {
                return Optional.empty();
            }
            i = semi + 1;
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                return Optional.empty();
            }
            String k = header.substring(i, eq).strip();
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = header.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                i++;
            } else {
                while (i < n && header.charAt(i) != ';') {
                    value.append(header.charAt(i++));
                }
            }
            if (k.equalsIgnoreCase(key)) {
                return Optional.of(value.toString().strip());
            }
            i = header.indexOf(';', i) < 0 ? n : header.indexOf(';', i);
        }
        return Optional.empty();
    }

    /** RFC 5987 {@code UTF-8''percent-encoded}. */
    static Optional<String> extendedValue(String value) {
        int quote = value.indexOf("''");
        if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
