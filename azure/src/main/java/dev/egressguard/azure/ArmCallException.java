package dev.egressguard.azure;

/**
 * A request that did not give a usable answer: an error status after retries, a body that is not
 * the JSON ARM promises, or no answer at all. The message names the request (method and URL,
 * query values masked) so a person can repeat it with {@code az rest}.
 */
public final class ArmCallException extends RuntimeException {

    static final String MALFORMED = "MalformedResponse";
    static final String NO_RESPONSE = "NoResponse";

    private final String request;
    private final int status;
    private final String code;
    private final String detail;

    ArmCallException(String request, int status, String code, String detail, Throwable cause) {
        super(request + ": " + (status > 0 && !MALFORMED.equals(code) ? status + " " : "") + code + ": " + detail, cause);
        this.request = request;
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    static ArmCallException malformed(String request, String detail, Throwable cause) {
        return new ArmCallException(request, 200, MALFORMED, detail, cause);
    }

    /** {@code GET https://management.azure.com/subscriptions/.../networkInterfaces?api-version=2025-03-01}. */
    public String request() {
        return request;
    }

    /** The HTTP status; 0 when no response came back. */
    public int status() {
        return status;
    }

    /** ARM's error code ({@code AuthorizationFailed}), or {@code MalformedResponse} / {@code NoResponse}. */
    public String code() {
        return code;
    }

    /** ARM's error message, or what was wrong with the response. */
    public String detail() {
        return detail;
    }

    public boolean isMalformed() {
        return MALFORMED.equals(code);
    }
}
