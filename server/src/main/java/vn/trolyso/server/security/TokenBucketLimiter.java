package vn.trolyso.server.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets keyed by client (API key or IP address): {@code burst} requests at once, refilled at
 * {@code perMinute} per minute. Idle buckets are dropped so the map stays bounded by the active clients.
 */
public final class TokenBucketLimiter {
    private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int SWEEP_EVERY = 1024;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public TokenBucketLimiter(int perMinute, int burst) {
        this(perMinute, burst, System::nanoTime);
    }

    TokenBucketLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.capacity = burst;
        this.tokensPerNano = perMinute / 60e9;
        this.clock = nanoClock;
    }

    /**
     * Takes one token for {@code client}.
     *
     * @return zero when allowed, otherwise how long to wait before the next request would be allowed
     */
    public Duration tryAcquire(String client) {
        long now = clock.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        return bucket.take(now, capacity, tokensPerNano);
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration take(long now, double capacity, double perNano) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
