package org.teamsprovisioner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.teamsprovisioner.security.LocalTokenIssuerKeys;

/** Keeps the request path a straight line (api → policy → provisioning → graph) and the use cases free of adapter types. */
@AnalyzeClasses(packages = "org.teamsprovisioner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDependInOneDirection = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("org.teamsprovisioner.api..")
            .layer("policy").definedBy("org.teamsprovisioner.policy..")
            .layer("provisioning").definedBy("org.teamsprovisioner.provisioning..")
            .layer("graph").definedBy("org.teamsprovisioner.graph..")
            .layer("sandbox").definedBy("org.teamsprovisioner.sandbox..")
            .layer("security").definedBy("org.teamsprovisioner.security..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("policy").mayOnlyBeAccessedByLayers("api")
            // graph implements provisioning's ports (TeamCreation, TeamProgress, CallPacing).
            .whereLayer("provisioning").mayOnlyBeAccessedByLayers("api", "policy", "graph")
            // The policy reads the directory through Graph; it never creates anything there. The API's
            // preview shows the body graph's mapper (TeamBodies) builds.
            .whereLayer("graph").mayOnlyBeAccessedByLayers("provisioning", "policy", "api")
            // The simulator is a stand-in for Microsoft's service: nothing may call it except over HTTP.
            .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
            // The sandbox contributes its issuer's keys to the security wiring (LocalTokenIssuerKeys), never the other way.
            .whereLayer("security").mayOnlyBeAccessedByLayers("api", "sandbox");

    @ArchTest
    static final ArchRule sandboxUsesOnlyTheLocalIssuerTypeOfSecurity = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.sandbox..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.teamsprovisioner.security..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(LocalTokenIssuerKeys.class))));

    @ArchTest
    static final ArchRule useCasesAreFreeOfWebAndDatabaseTypes = noClasses()
            .that().resideInAnyPackage("org.teamsprovisioner.provisioning", "org.teamsprovisioner.policy")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "org.springframework.r2dbc..",
                    "io.r2dbc..", "org.springframework.data.r2dbc..", "com.github.kagkarlsson..");

    @ArchTest
    static final ArchRule provisioningCoreReachesGraphOnlyThroughItsPorts = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.provisioning")
            .should().dependOnClassesThat().resideInAPackage("org.teamsprovisioner.graph..");

    @ArchTest
    static final ArchRule simulatorSharesNoCodeWithTheGraphClient = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("org.teamsprovisioner.graph..", "org.teamsprovisioner.provisioning..",
                    "org.teamsprovisioner.api..");
}
