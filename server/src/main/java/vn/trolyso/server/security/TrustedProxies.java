package vn.trolyso.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reverse proxies (TROLYSO_TRUSTED_PROXIES: addresses and CIDR ranges) whose {@code Forwarded} or
 * {@code X-Forwarded-For} header names the real client. A header from any other peer is ignored, since anyone can
 * send one.
 */
public final class TrustedProxies {
    private final List<Range> ranges;
    private final List<String> written;

    private TrustedProxies(List<Range> ranges, List<String> written) {
        this.ranges = List.copyOf(ranges);
        this.written = List.copyOf(written);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), List.of());
    }

    /**
     * Parses "127.0.0.1", "10.0.0.0/8", "::1" entries.
     *
     * @throws IllegalArgumentException on an entry that is not an IP address or CIDR range (host names are refused:
     *                                  resolving them would make trust depend on DNS)
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            int slash = e.indexOf('/');
            byte[] base = literal(slash < 0 ? e : e.substring(0, slash)).orElseThrow(() -> new IllegalArgumentException(
                    "TROLYSO_TRUSTED_PROXIES entries are IP addresses or CIDR ranges (e.g. 127.0.0.1, 10.0.0.0/8): "
                            + e));
            int bits = base.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(e.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    bits = -1;
                }
                if (bits < 0 || bits > base.length * 8) {
                    throw new IllegalArgumentException("TROLYSO_TRUSTED_PROXIES: bad prefix length in " + e);
                }
            }
            ranges.add(new Range(base, bits));
        }
        return new TrustedProxies(ranges, entries.stream().map(String::strip).toList());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Equal when written alike (settings compare as values). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedProxies other && written.equals(other.written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    @Override
    public String toString() {
        return "TrustedProxies" + written;
    }

    /** The entries as configured (for docs and the start line). */
    public List<String> entries() {
        return written;
    }

    public boolean trusts(String address) {
        Optional<byte[]> ip = literal(address);
        return ip.isPresent() && ranges.stream().anyMatch(r -> r.contains(ip.get()));
    }

    /**
     * The client's address: the peer itself unless it is a trusted proxy; then the nearest address in the forwarding
     * chain that is not a trusted proxy (the chain is read right to left: each proxy appends the address it saw).
     *
     * @param forwarded    the {@code Forwarded} header (RFC 7239), preferred when present
     * @param xForwardedFor the {@code X-Forwarded-For} header
     */
    public String clientAddress(String peer, Optional<String> forwarded, Optional<String> xForwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> chain = forwarded.map(TrustedProxies::forwardedFor)
                .or(() -> xForwardedFor.map(TrustedProxies::commaList)).orElse(List.of());
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (literal(hop).isEmpty()) {
                break; // "unknown", an obfuscated name or garbage: trust stops here
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** The {@code for=} values of a Forwarded header, brackets, quotes and ports removed. */
    static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String p = pair.strip();
                if (p.regionMatches(true, 0, "for=", 0, 4)) {
                    hops.add(stripPort(p.substring(4).replace("\"", "").strip()));
                }
            }
        }
        return hops;
    }

    private static List<String> commaList(String header) {
        return java.util.Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(TrustedProxies::stripPort).toList();
    }

    /** "[2001:db8::1]:4711" → "2001:db8::1"; "192.0.2.1:80" → "192.0.2.1"; a bare IPv6 address stays. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** The bytes of an IP literal; never a DNS lookup. */
    private static Optional<byte[]> literal(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9a-f:.%]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(t.replaceFirst("%.*$", "")).getAddress();
            return Optional.of(bytes.length == 16 && isV4Mapped(bytes) ? java.util.Arrays.copyOfRange(bytes, 12, 16)
                    : bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private record Range(byte[] base, int bits) {
        boolean contains(byte[] ip) {
            if (ip.length != base.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((ip[i / 8] & mask) != (base[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
