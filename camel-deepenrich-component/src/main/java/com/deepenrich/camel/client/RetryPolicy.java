package com.deepenrich.camel.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.util.backoff.BackOff;

/**
 * When and how long to wait before sending a request again: 429, 5xx and connection failures are retried at most
 * {@code maxRetries} times, on Camel's {@link BackOff} (the delay doubling up to {@code maxDelay}) with jitter; a
 * server's Retry-After (header, or DeepEnrich's "Try again in 1m" message) is waited out, capped at {@code maxDelay}.
 * Camel's {@code BackOffTimer} does not run the retries: each delay depends on the answer (Retry-After), and the
 * retry takes a turn of the rate limiter like any request.
 */
public final class RetryPolicy {

    private static final Pattern TRY_AGAIN_IN = Pattern.compile("(?i)try again in (\\d+)\\s*(ms|s|m|h)");

    private final BackOff backOff;

    public RetryPolicy(int maxRetries, long initialDelayMillis, long maxDelayMillis) {
        this.backOff =
                BackOff.builder().delay(initialDelayMillis).maxDelay(Math.max(initialDelayMillis, maxDelayMillis))
                        .multiplier(2d).maxAttempts((long) maxRetries).build();
    }

    public int maxRetries() {
        return backOff.getMaxAttempts().intValue();
    }

    public boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Backoff before retry number {@code retry} (1-based): exponential with jitter in [50%, 100%]. */
    public long backoffMillis(int retry) {
        double exponential = backOff.getDelay().toMillis() * Math.pow(backOff.getMultiplier(), retry - 1d);
        long capped = (long) Math.min(maxDelayMillis(), exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private long maxDelayMillis() {
        return backOff.getMaxDelay().toMillis();
    }

    /** Wait before retry number {@code retry} after this answer: at least what the server asked, at most the cap. */
    public long delayMillis(int retry, ApiResponse response, String apiMessage) {
        long backoff = backoffMillis(retry);
        Optional<Long> asked = response == null
                ? Optional.empty() : retryAfterMillis(response.retryAfter(), apiMessage);
        return asked.map(a -> Math.min(maxDelayMillis(), Math.max(a, backoff))).orElse(backoff);
    }

    static Optional<Long> retryAfterMillis(Optional<String> header, String apiMessage) {
        if (header.isPresent()) {
            String v = header.get().trim();
            try {
                return Optional.of(Long.parseLong(v) * 1000L);
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Optional.of(Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis()));
                } catch (RuntimeException notDate) {
                    // fall through to the message hint
                }
            }
        }
        if (apiMessage != null) {
            Matcher m = TRY_AGAIN_IN.matcher(apiMessage);
            if (m.find()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2).toLowerCase()) {
                    case "ms":
                        return Optional.of(n);
                    case "s":
                        return Optional.of(n * 1000);
                    case "m":
                        return Optional.of(n * 60_000);
                    default:
                        return Optional.of(n * 3_600_000);
                }
            }
        }
        return Optional.empty();
    }
}
