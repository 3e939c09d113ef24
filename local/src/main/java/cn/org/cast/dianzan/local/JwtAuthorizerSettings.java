package cn.org.cast.dianzan.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The HTTP API's default JWT authorizer as template.yaml declares it: the audience the local gateway
 * requires, as API Gateway does. (The issuer is the API's domain in AWS; locally it is this origin.)
 */
final class JwtAuthorizerSettings {

    private JwtAuthorizerSettings() {
    }

    static String audience(Path template) {
        try {
            JsonNode auth = new ObjectMapper(new YAMLFactory()).readTree(template.toFile())
                    .path("Resources").path("HttpApi").path("Properties").path("Auth");
            String name = auth.path("DefaultAuthorizer").asText();
            JsonNode audience = auth.path("Authorizers").path(name).path("JwtConfiguration").path("audience");
            if (!audience.isArray() || audience.isEmpty() || !audience.get(0).isTextual()) {
                throw new LocalSystemException("template.yaml: the HttpApi's default authorizer " + name
                        + " has no literal JwtConfiguration audience");
            }
            return audience.get(0).asText();
        } catch (IOException e) {
            throw new LocalSystemException("cannot read " + template + ": " + e.getMessage(), e);
        }
    }
}
