package cn.org.cast.dianzan.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway HTTP API (payload format 2.0) on 127.0.0.1: matches a request against template.yaml's
 * routes, refuses protected routes without a token its JWT authorizer would accept (401, before any
 * handler runs; see {@link JwtVerifier}), builds the event with the verified claims and hands it to the
 * function that owns the route. Local-only routes, never deployed: {@code GET /openapi.yaml} (the
 * contract), {@code GET /local/mail?to=} (what GreenMail received for an address) and
 * {@code GET /local/totp} (the seeded admin's current authenticator code). A GET on a path of no API
 * route, in any method, is the web client's ({@link WebClient}): the page and the API share the origin.
 */
final class Gateway implements AutoCloseable {

    /** HTTP API's payload quota; AWS refuses a larger body before any function runs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The headers shared's ApiResponses gives every answer; the runner links no shared code, so they are named again. */
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final Map<String, FunctionHost> functions;
    private final JwtVerifier verifier;
    private final LocalAccounts accounts;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path contract;
    private final WebClient web;

    private Gateway(HttpServer server, RouteTable routes, Map<String, FunctionHost> functions,
                    JwtVerifier verifier, LocalAccounts accounts, ObjectMapper json, Clock clock, Path contract,
                    WebClient web) {
        this.server = server;
        this.routes = routes;
        this.functions = functions;
        this.verifier = verifier;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
        this.contract = contract;
        this.web = web;
        this.executor = Executors.newFixedThreadPool(8, r -> new Thread(r, "gateway"));
        server.createContext("/", this::serve);
        server.setExecutor(executor);
    }

    /** Binds the port first, so a taken port is reported before any engine starts. */
    static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (BindException e) {
            throw new LocalSystemException("端口 " + port + " 已被占用，请用 --port 指定其他端口 / port " + port
                    + " is taken: choose another with --port");
        } catch (IOException e) {
            throw new LocalSystemException("无法监听端口 / cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    static Gateway start(HttpServer server, RouteTable routes, Map<String, FunctionHost> functions,
                         JwtVerifier verifier, LocalAccounts accounts, ObjectMapper json, Clock clock, Path contract,
                         WebClient web) {
        Gateway gateway = new Gateway(server, routes, functions, verifier, accounts, json, clock, contract, web);
        server.start();
        return gateway;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A call straight through the gateway's routing, as an HTTP request would make it. */
    Response call(String method, String path, Map<String, String> headers, String body) {
        return dispatch(method, path, "", headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Response response;
        try {
            byte[] body = readBody(exchange.getRequestBody());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            response = body == null
                    ? error(413, "PAYLOAD_TOO_LARGE", "请求内容过大，不能超过10MB", Map.of("limitBytes", MAX_BODY_BYTES))
                    : dispatch(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, headers, body);
        } catch (RuntimeException e) {
            System.err.println("[gateway] " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " failed: " + e.getMessage());
            response = message(500, "Internal Server Error");
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        if (response.body().length > 0) {
            exchange.getResponseBody().write(response.body());
        }
        exchange.close();
        System.out.printf("[gateway] %s %s -> %d (%d ms)%n", exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), response.status(), (System.nanoTime() - started) / 1_000_000);
    }

    private Response dispatch(String method, String path, String query, Map<String, String> headers, byte[] body) {
        if (method.equals("GET") && path.equals("/openapi.yaml")) {
            return contract();
        }
        if (method.equals("GET") && path.equals("/local/mail")) {
            String to = queryParameters(query).get("to");
            return to == null || to.isBlank()
                    ? error(400, "VALIDATION_FAILED", "请用 ?to= 指定收件邮箱", Map.of())
                    : json(200, Map.of("items", accounts.mail(to)));
        }
        if (method.equals("GET") && path.equals("/local/totp")) {
            return json(200, accounts.adminCode());
        }
        Optional<RouteTable.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            // an API path answers as API Gateway would, whatever asks; only other paths may be the web client's
            if (method.equals("GET") && !routes.hasPath(path)) {
                Optional<Response> page = web.serve(path, headers.get("accept"));
                if (page.isPresent()) {
                    return page.get();
                }
            }
            return message(404, "Not Found");
        }
        RouteTable.Target target = match.get().target();
        Map<String, String> claims = null;
        if (target.route().authorized()) {
            Optional<Map<String, String>> verified = verifier.verify(headers.get("authorization"));
            if (verified.isEmpty()) {
                return message(401, "Unauthorized");
            }
            claims = verified.get();
        }
        String event = event(method, path, query, headers, body, target.route().routeKey(),
                match.get().pathParameters(), claims);
        FunctionHost function = functions.get(target.function().logicalId());
        return response(function.invoke(event));
    }

    private String event(String method, String path, String query, Map<String, String> headers, byte[] body,
                         String routeKey, Map<String, String> pathParameters, Map<String, String> claims) {
        long now = clock.millis();
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        Map<String, String> headersWithoutCookies = new LinkedHashMap<>(headers);
        String cookies = headersWithoutCookies.remove("cookie");
        if (cookies != null) {
            event.set("cookies", json.valueToTree(List.of(cookies.split(";\\s*"))));
        }
        event.set("headers", json.valueToTree(headersWithoutCookies));
        if (!query.isEmpty()) {
            event.set("queryStringParameters", json.valueToTree(queryParameters(query)));
        }
        if (!pathParameters.isEmpty()) {
            event.set("pathParameters", json.valueToTree(pathParameters));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(clock.instant()));
        context.put("timeEpoch", now);
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.set("claims", json.valueToTree(claims));
            jwt.putNull("scopes");
        }
        if (body.length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    private Response response(byte[] lambdaResponse) {
        try {
            JsonNode node = json.readTree(lambdaResponse);
            Map<String, String> headers = new LinkedHashMap<>();
            node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            node.path("multiValueHeaders").fields().forEachRemaining(e -> {
                List<String> values = new java.util.ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                headers.put(e.getKey(), String.join(",", values));
            });
            String body = node.path("body").isNull() ? "" : node.path("body").asText("");
            byte[] bytes = node.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
            return new Response(node.path("statusCode").asInt(200), headers, bytes);
        } catch (IOException e) {
            return message(502, "Internal Server Error");
        }
    }

    /** openapi.yaml as it is on disk now, so an edit is served without a restart. */
    private Response contract() {
        try {
            return new Response(200, Map.of("Content-Type", "application/yaml"), Files.readAllBytes(contract));
        } catch (NoSuchFileException e) {
            return message(404, "Not Found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer the gateway gives itself in the functions' error shape, with their headers. */
    private Response error(int status, String code, String message, Map<String, Object> details) {
        ObjectNode answer = json.createObjectNode();
        ObjectNode error = answer.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.putArray("fields");
        if (!details.isEmpty()) {
            error.set("details", json.valueToTree(details));
        }
        error.put("requestId", UUID.randomUUID().toString());
        return json(status, answer);
    }

    private Response json(int status, Object body) {
        try {
            return new Response(status, JSON_HEADERS, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** API Gateway's own answers (no route, no token) have this shape. */
    private static Response message(int status, String message) {
        return new Response(status, Map.of("Content-Type", "application/json"),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** The body, or null if it is over the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length <= MAX_BODY_BYTES) {
            return body;
        }
        // Read the rest too: closing a connection with unread input resets it, and the client loses the 413.
        in.transferTo(OutputStream.nullOutputStream());
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
