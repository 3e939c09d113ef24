package cn.org.cast.dianzan.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web client's static files (web/dist, built by {@code npm run build}) on the API's origin, for GET
 * requests no API route takes: index.html for the app's own paths (routes.json, written by the build),
 * the file itself otherwise, each with the security headers. Read from disk at every request, like the
 * contract, so a rebuild is served without a restart.
 */
final class WebClient {

    static final String BUILD_HINT = "npm run build";
    /** Only this origin, for everything; no page may frame ours. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private final Path root;
    private final ObjectMapper json;

    WebClient(Path root, ObjectMapper json) {
        this.root = root.toAbsolutePath().normalize();
        this.json = json;
    }

    boolean built() {
        return Files.isRegularFile(root.resolve("index.html"));
    }

    Path root() {
        return root;
    }

    /**
     * The answer to a GET of {@code path}, or empty when there is none (the gateway's own 404 then).
     * A browser navigating to a path the app does not know gets index.html with 404, so the app says so.
     */
    Optional<Gateway.Response> serve(String path, String accept) {
        boolean navigation = accept != null && accept.contains("text/html");
        if (!built()) {
            return navigation || path.equals("/") ? Optional.of(notBuilt()) : Optional.empty();
        }
        if (path.equals("/") || appRoutes().contains(path)) {
            return Optional.of(file(200, root.resolve("index.html")));
        }
        Optional<Path> file = resolve(path);
        if (file.isPresent()) {
            return Optional.of(file(200, file.get()));
        }
        return navigation ? Optional.of(file(404, root.resolve("index.html"))) : Optional.empty();
    }

    /** A regular file inside the root, reached without dot segments, hidden names or links out of it. */
    private Optional<Path> resolve(String path) {
        if (!path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return Optional.empty();
        }
        for (String segment : path.substring(1).split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private List<String> appRoutes() {
        try {
            return json.readValue(root.resolve("routes.json").toFile(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }

    private Gateway.Response file(int status, Path file) {
        try {
            Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
            headers.put("Content-Type", TYPES.getOrDefault(extension(file), "application/octet-stream"));
            headers.put("Cache-Control", cacheControl(file));
            return new Gateway.Response(status, headers, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return notBuilt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Vite names what it puts in assets/ by a hash of the content: such a name never changes meaning.
     * index.html names the current ones, so it is never kept; anything else is checked each time.
     */
    private String cacheControl(Path file) {
        if (file.getFileName().toString().equals("index.html")) {
            return "no-store";
        }
        if (root.relativize(file).startsWith("assets")) {
            return "public, max-age=31536000, immutable";
        }
        return "no-cache";
    }

    private Gateway.Response notBuilt() {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        String text = "网页客户端尚未构建：请在项目根目录运行 " + BUILD_HINT + "（bin/local 会自动构建）。\n"
                + "The web client is not built: run `" + BUILD_HINT + "` in the project root (bin/local does), "
                + "then reload. Expected " + root.resolve("index.html") + "\n";
        return new Gateway.Response(503, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
