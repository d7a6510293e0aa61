package io.github.camelmapiq.simulator.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An API error, answered as RFC 7807 {@code application/problem+json} (or OAuth error JSON on token endpoints). */
public final class ApiException extends RuntimeException {
    public final int status;
    public final String title;
    public final Map<String, List<String>> errors;
    public final Map<String, String> headers = new LinkedHashMap<>();
    /** Non-null on token endpoints: the OAuth {@code error} code. */
    public final String oauthError;

    private ApiException(int status, String title, String detail, Map<String, List<String>> errors, String oauth) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.oauthError = oauth;
    }

    public static ApiException problem(int status, String title, String detail) {
        return new ApiException(status, title, detail, null, null);
    }

    /** 400 naming every offending field. */
    public static ApiException validation(Map<String, List<String>> errors) {
        StringBuilder detail = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(errors).entrySet()) {
            for (String m : e.getValue()) {
                if (detail.length() > 0) {
                    detail.append(' ');
                }
                detail.append(e.getKey()).append(": ").append(m);
            }
        }
        return new ApiException(400, "One or more validation errors occurred.", detail.toString(), errors, null);
    }

    public static ApiException field(String field, String message) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put(field, List.of(message));
        return validation(errors);
    }

    public static ApiException unauthorized(String description) {
        ApiException e = new ApiException(401, "Unauthorized", description, null, null);
        e.headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
        return e;
    }

    public static ApiException forbidden(String permission) {
        return new ApiException(403, "Forbidden",
                "The client application lacks the permission '" + permission + "'.", null, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail, null, null);
    }

    public static ApiException tooManyRequests(int retryAfterSeconds, String detail) {
        ApiException e = new ApiException(429, "Too Many Requests", detail, null, null);
        e.headers.put("Retry-After", Integer.toString(retryAfterSeconds));
        return e;
    }

    public static ApiException methodNotAllowed(String method, String path, String allow) {
        ApiException e = new ApiException(405, "Method Not Allowed",
                method + " is not allowed on " + path + "; allowed: " + allow + ".", null, null);
        e.headers.put("Allow", allow);
        return e;
    }

    public static ApiException oauth(int status, String error, String description) {
        return new ApiException(status, null, description, null, error);
    }

    /** A token endpoint called with another method than POST: OAuth error JSON plus {@code Allow}. */
    public static ApiException tokenMethodNotAllowed() {
        ApiException e = oauth(405, "invalid_request", "The token endpoint accepts POST only.");
        e.headers.put("Allow", "POST");
        return e;
    }

    public static String typeFor(int status) {
        return switch (status) {
            case 400 -> "https://tools.ietf.org/html/rfc9110#section-15.5.1";
            case 401 -> "https://tools.ietf.org/html/rfc9110#section-15.5.2";
            case 403 -> "https://tools.ietf.org/html/rfc9110#section-15.5.4";
            case 404 -> "https://tools.ietf.org/html/rfc9110#section-15.5.5";
            case 405 -> "https://tools.ietf.org/html/rfc9110#section-15.5.6";
            case 429 -> "https://tools.ietf.org/html/rfc6585#section-4";
            case 500 -> "https://tools.ietf.org/html/rfc9110#section-15.6.1";
            case 502 -> "https://tools.ietf.org/html/rfc9110#section-15.6.3";
            case 503 -> "https://tools.ietf.org/html/rfc9110#section-15.6.4";
            case 504 -> "https://tools.ietf.org/html/rfc9110#section-15.6.5";
            default -> "about:blank";
        };
    }

    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
