package io.github.camelmapiq.mapiq.client.error;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqException;

/**
 * Mapiq answered an error. Carries what RFC 7807 problem details give: status, title, detail, field errors, trace id,
 * and the method and path of the request (never a token, never the query string). The message reads like
 * {@code Mapiq API GET /v2/users answered 403 Forbidden: <detail> (traceId ...; field errors: startDate: [...])}.
 */
public class MapiqApiException extends MapiqException {

    private final int status;
    private final String method;
    private final String path;
    private final String title;
    private final String detail;
    private final String traceId;
    private final Map<String, List<String>> fieldErrors;

    public MapiqApiException(String message, int status, String method, String path, String title, String detail,
                             String traceId, Map<String, List<String>> fieldErrors) {
        super(message);
        this.status = status;
        this.method = method;
        this.path = path;
        this.title = title;
        this.detail = detail;
        this.traceId = traceId;
        this.fieldErrors = fieldErrors == null ? Map.of() : fieldErrors;
    }

    public int getStatus() {
        return status;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    public String getTraceId() {
        return traceId;
    }

    public Map<String, List<String>> getFieldErrors() {
        return fieldErrors;
    }

    /**
     * The same error (status, problem details, call) told with another message, for a caller that knows better what
     * it means; this error becomes the cause.
     */
    public MapiqApiException withMessage(String message) {
        MapiqApiException copy = new MapiqApiException(message, status, method, path, title, detail, traceId,
                fieldErrors);
        copy.initCause(this);
        return copy;
    }
}
