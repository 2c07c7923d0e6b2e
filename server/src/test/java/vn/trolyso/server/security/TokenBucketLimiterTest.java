package vn.trolyso.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketLimiterTest {
    @Test
    void allowsTheBurstThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong();
        TokenBucketLimiter limiter = new TokenBucketLimiter(60, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire("ip"));
        }
        Duration wait = limiter.tryAcquire("ip");
        assertTrue(wait.toMillis() > 900 && wait.toMillis() <= 1000, wait.toString());
        assertEquals(Duration.ZERO, limiter.tryAcquire("other"), "buckets are per client");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ZERO, limiter.tryAcquire("ip"));
        assertTrue(limiter.tryAcquire("ip").toMillis() > 0);
    }
}
