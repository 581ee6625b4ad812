package dev.egressguard.core.report;

import dev.egressguard.core.finding.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What identifies a finding across runs: rule id, resource id and property path, never the line
 * (an edit above a resource must not turn an old finding into a new one). ARM ids and property
 * names are case-insensitive, so the key is too. SARIF fingerprints and baselines use it.
 */
public record FindingKey(String ruleId, String resourceId, String path) {

    public FindingKey {
        ruleId = normalise(ruleId);
        resourceId = normalise(resourceId);
        path = normalise(path);
    }

    public static FindingKey of(Finding f) {
        return new FindingKey(f.ruleId(), f.resourceId(), f.path());
    }

    /** A SHA-256 of the key, hex; stable across runs, machines and versions of this tool. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((ruleId + "\n" + resourceId + "\n" + path).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String normalise(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
