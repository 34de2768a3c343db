package org.teamsprovisioner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
            .layer("request").definedBy("org.teamsprovisioner.request..")
            .layer("policy").definedBy("org.teamsprovisioner.policy..")
            .layer("provisioning").definedBy("org.teamsprovisioner.provisioning..")
            .layer("graph").definedBy("org.teamsprovisioner.graph..")
            .layer("sandbox").definedBy("org.teamsprovisioner.sandbox..")
            .layer("security").definedBy("org.teamsprovisioner.security..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            // The use cases call the policy; graph implements the policy's Directory port.
            .whereLayer("policy").mayOnlyBeAccessedByLayers("api", "provisioning", "graph")
            .whereLayer("provisioning").mayOnlyBeAccessedByLayers("api")
            .whereLayer("request").mayOnlyBeAccessedByLayers("api", "policy", "provisioning", "graph")
            .whereLayer("graph").mayOnlyBeAccessedByLayers("provisioning")
            // The simulator is a stand-in for Microsoft's service: nothing may call it except over HTTP.
            .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
            // The sandbox contributes its issuer's keys to the security wiring (LocalTokenIssuerKeys), never the other way.
            .whereLayer("security").mayOnlyBeAccessedByLayers("api", "sandbox");

    /** The request model and the policy sit below the use cases: they never reach up to provisioning or out to adapters. */
    @ArchTest
    static final ArchRule requestModelAndPolicyDependOnNoAdapterOrUseCase = noClasses()
            .that().resideInAnyPackage("org.teamsprovisioner.request..", "org.teamsprovisioner.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.teamsprovisioner.provisioning..", "org.teamsprovisioner.graph..",
                    "org.teamsprovisioner.api..", "org.teamsprovisioner.security..", "org.teamsprovisioner.config..");

    @ArchTest
    static final ArchRule sandboxUsesOnlyTheLocalIssuerTypeOfSecurity = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.sandbox..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.teamsprovisioner.security..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(LocalTokenIssuerKeys.class))));

    @ArchTest
    static final ArchRule useCasesAreFreeOfWebAndDatabaseTypes = noClasses()
            .that().resideInAnyPackage("org.teamsprovisioner.provisioning", "org.teamsprovisioner.policy", "org.teamsprovisioner.request")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "org.springframework.r2dbc..",
                    "io.r2dbc..", "org.springframework.data.r2dbc..", "com.github.kagkarlsson..");

    // They meet in the core: the store writes each request's job row, in its own transaction, as the
    // jobs' implementation of ProvisioningJobRows describes it.
    @ArchTest
    static final ArchRule storeAndJobsDoNotKnowEachOther = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("org.teamsprovisioner.provisioning.(store|jobs)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule simulatorSharesNoCodeWithTheGraphClient = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("org.teamsprovisioner.graph..", "org.teamsprovisioner.provisioning..",
                    "org.teamsprovisioner.api..", "org.teamsprovisioner.policy..", "org.teamsprovisioner.request..");

    /** The service reaches the simulator over HTTP only; even main finds the standalone program through ServiceLoader. */
    @ArchTest
    static final ArchRule nothingOutsideTheSandboxDependsOnIt = noClasses()
            .that().resideOutsideOfPackage("org.teamsprovisioner.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("org.teamsprovisioner.sandbox..");

    /** Each room of the simulator (settings, http, createteam, tenant, ...) depends on lower rooms only. */
    @ArchTest
    static final ArchRule sandboxRoomsAreFreeOfCycles = slices().matching("org.teamsprovisioner.sandbox.(*)..")
            .should().beFreeOfCycles();

    /** The sandbox package itself only wires the rooms, so no room may reach back up to it (the slices above do not see it). */
    @ArchTest
    static final ArchRule sandboxRoomsDoNotDependOnTheirWiring = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.sandbox.*..")
            .should().dependOnClassesThat().resideInAPackage("org.teamsprovisioner.sandbox");
}
