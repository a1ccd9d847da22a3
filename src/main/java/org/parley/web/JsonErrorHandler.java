package org.parley.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.parley.search.Json;

/**
 * Jetty's own errors (requests it refuses before any route runs: URI too long, headers too large, bad
 * encoding) answered in the API's JSON error shape instead of Jetty's HTML page, never with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private final ObjectMapper mapper = Json.mapper();

    JsonErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(JSON);
        SecurityHeaders.HEADERS.forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        SecurityHeaders.HEADERS.forEach(fields::put);
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code(status));
        body.put("message", message(status));
        body.put("param", null);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"http_" + status + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "the request could not be read (check its URL encoding)";
            case 414 -> "the request URL is too long (limit " + ParleyServer.MAX_REQUEST_HEADER_BYTES / 1024 + " KB)";
            case 431 -> "the request headers are too large (limit " + ParleyServer.MAX_REQUEST_HEADER_BYTES / 1024 + " KB)";
            default -> {
                String reason = HttpStatus.getMessage(status);
                yield status >= 500 ? "the server could not answer this request" : (reason == null ? "HTTP " + status : reason);
            }
        };
    }
}
