package cn.org.cast.dianzan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.org.cast.dianzan.engines.ProjectHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * cfn-lint over template.yaml, for a global region and both China regions (one template deploys to all three),
 * and over each synthesized stack, for the regions of its partition. Every finding fails the test,
 * informational ones included, unless it is accepted below with its reason: a resource type or property the
 * China regions lack fails the China stack and template.yaml. Skipped where cfn-lint is not installed.
 */
class CfnLintTest {

    private static final List<String> GLOBAL_REGIONS = List.of("us-east-1");
    private static final List<String> CHINA_REGIONS = List.of("cn-north-1", "cn-northwest-1");

    private record Finding(String rule, String level, String message, String where) {
    }

    /** A finding we live with, and why. */
    private record Accepted(String rule, Pattern message, String why) {
        boolean covers(Finding finding) {
            return finding.rule().equals(rule) && message.matcher(finding.message()).find();
        }
    }

    private static final List<Accepted> ACCEPTED = List.of(
            new Accepted("E2530", Pattern.compile("not supported in \\['cn-north-1', 'cn-northwest-1'\\]$"),
                    "cfn-lint's SnapStart region list predates Java SnapStart in the China regions, which the AWS "
                            + "China documentation lists; the rule's runtime check still applies"),
            new Accepted("W3005", Pattern.compile("ServiceRole[0-9A-F]{8}' dependency already enforced by a 'GetAtt' "
                    + "at 'Resources/\\w+/Properties/Role'$"),
                    "CDK's Function puts its role in DependsOn beside the Role GetAtt; redundant and harmless"));

    private static boolean installed;

    @TempDir
    Path dir;

    @BeforeAll
    static void findCfnLint() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            installed = version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException notOnPath) {
            installed = false;
        }
    }

    @BeforeEach
    void requireCfnLint() {
        assumeTrue(installed, "cfn-lint is not installed");
    }

    @Test
    void templateYamlHasNoFindings() throws Exception {
        assertEquals(List.of(), unaccepted(lint(ProjectHome.templateFile(), allRegions())));
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void theSynthesizedStackHasNoFindingsInTheRegionsOfItsPartition(Partition partition) throws Exception {
        assertEquals(List.of(), unaccepted(lint(SynthesizedStack.templateFile(partition),
                partition == Partition.CHINA ? CHINA_REGIONS : GLOBAL_REGIONS)));
    }

    @Test
    void aResourceTheChinaRegionsLackIsReported() throws Exception {
        String original = Files.readString(ProjectHome.templateFile(), StandardCharsets.UTF_8);
        String pool = "\n  CognitoUserPool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n"
                + "      UsernameAttributes: [email]\n";
        Path broken = dir.resolve("template.yaml");
        Files.writeString(broken, original.replace("\nOutputs:\n", pool + "\nOutputs:\n"), StandardCharsets.UTF_8);

        List<Finding> findings = unaccepted(lint(broken, CHINA_REGIONS));

        assertTrue(findings.stream().anyMatch(f -> f.rule().equals("E3006") && f.message().contains("cn-north-1")),
                findings.toString());
    }

    private static List<String> allRegions() {
        List<String> regions = new ArrayList<>(GLOBAL_REGIONS);
        regions.addAll(CHINA_REGIONS);
        return regions;
    }

    @Test
    void aTemplateWithAnImpossibleMemorySizeIsReported() throws Exception {
        String original = Files.readString(ProjectHome.templateFile(), StandardCharsets.UTF_8);
        assertTrue(original.contains("MemorySize: 1024"), "the alteration must apply");
        Path broken = dir.resolve("template.yaml");
        Files.writeString(broken, original.replace("MemorySize: 1024", "MemorySize: 99999"), StandardCharsets.UTF_8);

        List<Finding> findings = unaccepted(lint(broken, allRegions()));

        assertTrue(findings.stream().anyMatch(f -> f.level().equals("Error") && f.message().contains("99999")),
                findings.toString());
    }

    private static List<Finding> unaccepted(List<Finding> findings) {
        return findings.stream().filter(f -> ACCEPTED.stream().noneMatch(a -> a.covers(f))).toList();
    }

    private List<Finding> lint(Path template, List<String> regions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "json", "--include-checks", "I",
                "--regions"));
        command.addAll(regions);
        command.addAll(List.of("--", template.toString()));
        Path errors = Files.createTempFile(dir, "cfn-lint", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cfn-lint did not finish");
        // Exit code bits: 2 errors, 4 warnings, 8 informational; bit 1 means cfn-lint itself failed.
        assertEquals(0, process.exitValue() & 1, "cfn-lint failed: " + Files.readString(errors));
        List<Finding> findings = new ArrayList<>();
        for (JsonNode match : new ObjectMapper().readTree(output)) {
            findings.add(new Finding(match.path("Rule").path("Id").asText(), match.path("Level").asText(),
                    match.path("Message").asText(), match.path("Filename").asText() + ":"
                    + match.path("Location").path("Start").path("LineNumber").asText()));
        }
        return findings;
    }
}
