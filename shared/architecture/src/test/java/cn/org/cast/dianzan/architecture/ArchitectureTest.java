package cn.org.cast.dianzan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of the house, checked on the compiled classes of the shared modules and of every
 * function (read from each functions/NAME/target/classes, built before this module), and shown able to
 * fail on a fixture of deliberately wrong code.
 */
class ArchitectureTest {

    private static final String ROOT = "cn.org.cast.dianzan";
    private static final String FIXTURE = ROOT + ".architecture.fixture";
    private static final JavaClasses PRODUCTION = importProduction();

    private static JavaClasses importProduction() {
        Set<Location> locations = new HashSet<>(Locations.ofPackage(ROOT));
        List<Path> functionClasses = functionClassDirectories();
        if (functionClasses.isEmpty()) {
            throw new IllegalStateException("no compiled function classes under functions/*/target/classes");
        }
        functionClasses.forEach(directory -> locations.add(Location.of(directory)));
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(locations);
    }

    private static List<Path> functionClassDirectories() {
        Path functions = Path.of(System.getProperty("dianzan.home", "../..")).resolve("functions");
        try (Stream<Path> modules = Files.list(functions)) {
            return modules.map(m -> m.resolve("target/classes")).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> domains() {
        return ArchitectureRules.DOMAINS.stream();
    }

    @Test
    void theProductionCodeHasNoPackageCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(PRODUCTION);
    }

    @Test
    void domainCodeImportsNothingHttpShaped() {
        ArchitectureRules.domainKnowsNoHttp(ROOT).check(PRODUCTION);
    }

    @ParameterizedTest
    @MethodSource("domains")
    void repositoriesAreUsedOnlyByTheirOwnDomain(String domain) {
        ArchitectureRules.repositoriesStayInTheirDomain(ROOT, domain).check(PRODUCTION);
    }

    @Test
    void everyFunctionModuleIsAmongTheCheckedClasses() throws IOException {
        Path functions = Path.of(System.getProperty("dianzan.home", "../..")).resolve("functions");
        try (Stream<Path> modules = Files.list(functions)) {
            List<Path> withSources = modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList();
            assertEquals(withSources.size(), functionClassDirectories().size(),
                    "every function module must be compiled before this module: " + withSources);
        }
        assertTrue(PRODUCTION.containPackage(ROOT + ".functions.media"), "function classes were not imported");
    }

    private static JavaClasses fixture() {
        return new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void aDomainClassImportingAnApiGatewayEventIsCaught() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.domainKnowsNoHttp(FIXTURE).check(fixture()));
    }

    @Test
    void aRepositoryUsedFromAnotherDomainIsCaught() {
        assertThrows(AssertionError.class,
                () -> ArchitectureRules.repositoriesStayInTheirDomain(FIXTURE, "cases").check(fixture()));
    }

    @Test
    void aCycleBetweenTwoDomainsIsCaught() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.noPackageCycles(FIXTURE).check(fixture()));
    }
}
