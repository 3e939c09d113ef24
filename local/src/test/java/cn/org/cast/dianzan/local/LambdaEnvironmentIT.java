package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.cast.dianzan.engines.LocalEngines;
import cn.org.cast.dianzan.engines.ProjectHome;
import cn.org.cast.dianzan.engines.Provisioner;
import cn.org.cast.dianzan.engines.SamTemplate;
import cn.org.cast.dianzan.lambdaprobe.InvokeOnce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each function jar, configured only as Lambda configures it (the environment variables of
 * template.yaml and AWS_REGION, credentials from the environment), answers a sample event in a
 * JVM of its own: no system properties, no test classpath.
 */
class LambdaEnvironmentIT {

    @Test
    void everyFunctionJarStartsFromTemplateEnvironmentVariablesAlone() throws Exception {
        SamTemplate template = SamTemplate.load();
        Path home = ProjectHome.locate();
        Map<String, String> events = Map.of("AccountsFunction", "accounts/get-jwks.json",
                "CampaignFunction", "campaign/get-campaign.json",
                "CodeBindingFunction", "code-binding/who-am-i.json", "CaseSaveFunction", "case-save/get-case-form.json",
                "DeadlineJobFunction", "deadline-job/scheduled-tick.json",
                "MediaUploadFunction", "media-upload/get-upload.json", "QuotaFunction", "quota/get-unit-quota.json",
                "SummaryFunction", "summary/get-summary.json");
        // Fresh tables hold no upload and no unit: those functions answer their own 404 after reading DynamoDB.
        Map<String, Integer> statuses = Map.of("MediaUploadFunction", 404, "QuotaFunction", 404, "SummaryFunction", 404);
        try (LocalEngines engines = LocalEngines.inMemory(Files.createTempDirectory("lambda-env"))) {
            Map<String, String> physical = Provisioner.provision(engines, template, "env-").physicalNames();
            for (SamTemplate.Function function : template.functions()) {
                assertTrue(events.containsKey(function.logicalId()), "no sample event chosen for " + function.logicalId());
                ProcessBuilder jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", home.resolve(function.codeUri()) + File.pathSeparator
                                + Path.of(InvokeOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                        InvokeOnce.class.getName(), function.handler(),
                        function.scheduled() ? "cn.org.cast.dianzan.lambda.schedule.EventBridgeSchedule"
                                : "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                        home.resolve("events").resolve(events.get(function.logicalId())).toString())
                        .redirectErrorStream(true);
                Map<String, String> env = jvm.environment();
                env.keySet().removeIf(name -> name.startsWith("DIANZAN_") || name.startsWith("AWS_"));
                env.putAll(engines.lambdaEnvironment(function, physical));
                if (function.logicalId().equals("AccountsFunction")) {
                    // Known only when deployed (the API's domain, the KMS key): the local stand-ins.
                    env.put("DIANZAN_TOKENS_ISSUER", "http://127.0.0.1:8080");
                    env.put("DIANZAN_TOKENS_KEY_FILE", Files.createTempDirectory("keys").resolve("signing-key.json").toString());
                }
                Process process = jvm.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS));
                List<String> lines = output.lines().filter(l -> l.startsWith("RESPONSE ")).toList();
                assertEquals(1, lines.size(), function.logicalId() + " printed:\n" + output);
                JsonNode response = new ObjectMapper().readTree(lines.get(0).substring("RESPONSE ".length()));
                if (function.scheduled()) {
                    // fresh tables: the job either finds the deadline ahead or records the closing now
                    assertTrue(Set.of("NOT_YET_CLOSED", "RECORDED").contains(response.path("outcome").asText()),
                            function.logicalId() + ": " + response);
                } else {
                    assertEquals(statuses.getOrDefault(function.logicalId(), 200), response.path("statusCode").asInt(),
                            function.logicalId() + ": " + response);
                }
            }
        }
    }
}
