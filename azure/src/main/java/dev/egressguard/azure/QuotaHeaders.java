package dev.egressguard.azure;

import java.time.Duration;

/** Resource Graph's per-user quota, told in every response: how many queries are left and when it resets. */
final class QuotaHeaders {

    static final String REMAINING = "x-ms-user-quota-remaining";
    static final String RESETS_AFTER = "x-ms-user-quota-resets-after";
    static final String SUBSCRIPTION_LIMIT_HIT = "x-ms-tenant-subscription-limit-hit";

    private QuotaHeaders() {
    }

    /** {@code hh:mm:ss} (the documented form) or plain seconds; null when absent or unreadable. */
    static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            String[] parts = t.split(":");
            if (parts.length == 3) {
                long h = Long.parseLong(parts[0]);
                long m = Long.parseLong(parts[1]);
                double s = Double.parseDouble(parts[2]);
                return Duration.ofHours(h).plusMinutes(m).plusMillis(Math.round(s * 1000));
            }
            if (parts.length == 1) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The remaining quota, or -1 when the header is absent or unreadable. */
    static int remaining(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
