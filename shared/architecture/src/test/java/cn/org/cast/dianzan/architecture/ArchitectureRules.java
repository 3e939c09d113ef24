package cn.org.cast.dianzan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules the house is built by, written for a root package so that they can be shown to fail
 * on a small fixture of wrong code as well as to hold on the real one.
 */
final class ArchitectureRules {

    /** The domain modules, each a package of its own under the root (notify: mail, used by the domains that send it). */
    static final List<String> DOMAINS = List.of("notify", "campaign", "codes", "cases", "media", "review", "summary", "accounts");

    private ArchitectureRules() {
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** Domain code knows nothing of HTTP: no API Gateway events, no request readers, no statuses. */
    static ArchRule domainKnowsNoHttp(String root) {
        return noClasses().that().resideInAnyPackage(domainPackages(root))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.amazonaws.services.lambda..",
                        "io.micronaut.http..",
                        "io.micronaut.function..",
                        root + ".lambda..",
                        root + ".functions..")
                .because("services take typed commands; each function's adapter maps requests and statuses");
    }

    /** A domain's repositories are used by that domain's own services, not by handlers or other domains. */
    static ArchRule repositoriesStayInTheirDomain(String root, String domain) {
        return classes().that().resideInAPackage(root + "." + domain).and().haveSimpleNameEndingWith("Repository")
                .should().onlyHaveDependentClassesThat().resideInAPackage(root + "." + domain)
                .allowEmptyShould(true);
    }

    private static String[] domainPackages(String root) {
        return Stream.concat(Stream.of("core"), DOMAINS.stream()).map(d -> root + "." + d + "..").toArray(String[]::new);
    }
}
