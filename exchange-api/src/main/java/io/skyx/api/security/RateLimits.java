package io.skyx.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (bucket4j) keyed by what is limited ({@code "signup:ip:1.2.3.4"}, {@code "order:user:42"}), held
 * in a bounded Caffeine cache so that a flood of new addresses cannot grow memory without end (an evicted or
 * idle bucket starts full again, which only errs towards letting a request through). Per instance.
 */
final class RateLimits {

    private static final long MAX_BUCKETS = 200_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    /** Takes one token for {@code key}; empty if allowed, else how long until a token is back. */
    Optional<Duration> take(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(key + "|" + limit.capacity() + "/" + limit.period(), k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
