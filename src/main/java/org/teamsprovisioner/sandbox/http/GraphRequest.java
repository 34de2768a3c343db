package org.teamsprovisioner.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.util.UriUtils;

/**
 * One Graph call as the simulator's handlers see it, whether it arrived as an HTTP request of its
 * own or as one of the {@code requests} of a {@code $batch} (see {@code GraphBatch}). Both go
 * through {@code GraphHandler.process} unchanged, which is what makes an inner batch request
 * authenticated, permission-checked, throttled, faulted and counted exactly like a top-level call.
 *
 * @param method the HTTP method
 * @param path the resource path after {@code /v1.0} or {@code /beta}, percent-decoded
 * @param rawUrl the URL as the client wrote it, for length limits (Graph counts the URL, not its decoding)
 * @param queryParams the query options, decoded
 * @param headers the request headers (for an inner batch request: its own, plus the batch's Authorization)
 * @param body the body, empty when there is none
 * @param serviceRoot where the client reached this version of the simulated Graph, e.g.
 *     {@code http://localhost:8080/sandbox/graph/v1.0}, for links it can follow ({@code @odata.nextLink})
 */
public record GraphRequest(HttpMethod method, String path, String rawUrl, MultiValueMap<String, String> queryParams,
        HttpHeaders headers, Mono<String> body, String serviceRoot) {

    /** Path segments before the resource path: sandbox, graph and the version. */
    private static final int PREFIX_SEGMENTS = 3;

    public static GraphRequest of(ServerRequest request, String version) {
        String rawPath = request.requestPath().pathWithinApplication().value();
        String rawQuery = request.uri().getRawQuery();
        String rawResourcePath = resourcePart(rawPath);
        String serviceRoot = request.uri().getScheme() + "://" + request.uri().getRawAuthority()
                + rawPath.substring(0, rawPath.length() - rawResourcePath.length());
        return new GraphRequest(request.method(), decodePath(rawResourcePath),
                GRAPH_ROOT + version + rawResourcePath + (rawQuery == null ? "" : "?" + rawQuery),
                request.queryParams(), request.headers().asHttpHeaders(),
                request.bodyToMono(String.class), serviceRoot);
    }

    /**
     * An inner request of a batch. Its {@code url} is relative to the batch's version ("URIs must
     * be relative", JSON batching known issues), with or without a leading slash as in the JSON
     * batching doc's own examples ({@code /me/memberOf}, {@code users?$select=...}), and may hold
     * characters a URL may not (the doc's example has {@code city eq null} with raw spaces).
     */
    public static GraphRequest inner(HttpMethod method, String url, String version, HttpHeaders headers, String body,
            String serviceRoot) {
        String relative = url.startsWith("/") ? url : "/" + url;
        int fragment = relative.indexOf('#');
        if (fragment >= 0) {
            // As in any URL, a raw '#' ends it: Graph's known issues tell clients to write a
            // userPrincipalName's '#' as %23, and the sandbox makes the unencoded form fail too.
            relative = relative.substring(0, fragment);
        }
        int query = relative.indexOf('?');
        String rawPath = query < 0 ? relative : relative.substring(0, query);
        String rawQuery = query < 0 ? null : relative.substring(query + 1);
        return new GraphRequest(method, decodePath(rawPath), GRAPH_ROOT + version + relative, queryParams(rawQuery),
                headers, body == null ? Mono.empty() : Mono.just(body), serviceRoot);
    }

    /** Where Graph lives; the 2,048-character URL limit of advanced queries counts from here. */
    static final String GRAPH_ROOT = "https://graph.microsoft.com/";

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(queryParams.getFirst(name));
    }

    /** "Content-Type: application/json. Required." (graph-create-team doc, request headers). */
    public void requireJson() {
        MediaType contentType;
        try {
            contentType = headers.getContentType();
        }
        catch (InvalidMediaTypeException ex) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            throw GraphException.unsupportedMediaType("The request Content-Type '"
                    + headers.getFirst("Content-Type") + "' is not supported; use application/json.");
        }
    }

    /** A JSON body as Graph reads it: anything unreadable is Graph's 400, in Graph's words. */
    public static JsonNode readJson(String body) {
        try {
            return SandboxJson.read(body);
        }
        catch (JacksonException ex) {
            // Graph's own wording for an unreadable body.
            throw GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header"
                    + " is set and payload is of valid JSON format.");
        }
    }

    /**
     * The path after the version. Taken from the raw path rather than from PathPattern variables
     * because clients send the OData key characters {@code ( ) '} both raw and as {@code %28 %29 %27}.
     */
    private static String resourcePart(String raw) {
        int index = -1;
        for (int slash = 0; slash <= PREFIX_SEGMENTS; slash++) {
            index = raw.indexOf('/', index + 1);
            if (index < 0) {
                break;
            }
        }
        return index < 0 ? "" : raw.substring(index);
    }

    private static String decodePath(String raw) {
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return raw; // Malformed escapes then fail the OData parse, as a 400.
        }
    }

    /**
     * Query options decoded the way Spring decodes a top-level request's ({@link URLDecoder}, so
     * {@code +} is a space), so that an option means the same inside and outside a batch.
     */
    private static MultiValueMap<String, String> queryParams(String rawQuery) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.add(decodeQuery(name), decodeQuery(value));
        }
        return params;
    }

    private static String decodeQuery(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return text;
        }
    }
}
