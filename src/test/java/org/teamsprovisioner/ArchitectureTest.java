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

/**
 * Keeps the request path a straight line, api → provisioning's use cases → policy, then the job's
 * steps → Graph through ports, and the core (request, policy, provisioning) free of adapters: HTTP
 * in (api), the database (provisioning.store), the scheduler (provisioning.jobs) and Graph (graph)
 * depend on the core, never the other way, and not on each other.
 */
@AnalyzeClasses(packages = "org.teamsprovisioner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDependInOneDirection = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy("org.teamsprovisioner.api..")
            .layer("request").definedBy("org.teamsprovisioner.request..")
            .layer("policy").definedBy("org.teamsprovisioner.policy..")
            .layer("provisioning").definedBy("org.teamsprovisioner.provisioning")
            .layer("store").definedBy("org.teamsprovisioner.provisioning.store..")
            .layer("jobs").definedBy("org.teamsprovisioner.provisioning.jobs..")
            .layer("graph").definedBy("org.teamsprovisioner.graph..")
            .layer("webhooks").definedBy("org.teamsprovisioner.webhooks")
            .layer("webhooks.store").definedBy("org.teamsprovisioner.webhooks.store..")
            .layer("webhooks.delivery").definedBy("org.teamsprovisioner.webhooks.delivery..")
            .layer("sandbox").definedBy("org.teamsprovisioner.sandbox..")
            .layer("security").definedBy("org.teamsprovisioner.security..")
            .layer("config").definedBy("org.teamsprovisioner.config..")
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            // The adapters implement the core's ports (TeamRequestStore, ProvisioningQueue, TeamCreation, ...).
            .whereLayer("provisioning").mayOnlyBeAccessedByLayers("api", "store", "jobs", "graph", "webhooks", "webhooks.store")
            // The use cases call the policy; graph implements its Directory port.
            .whereLayer("policy").mayOnlyBeAccessedByLayers("api", "provisioning", "graph")
            .whereLayer("request").mayOnlyBeAccessedByLayers("api", "policy", "provisioning", "store", "jobs", "graph")
            // Only the preview shows what graph's mapper (TeamBodies) would send; everything else reaches Graph through ports.
            .whereLayer("graph").mayOnlyBeAccessedByLayers("api")
            .whereLayer("store").mayNotBeAccessedByAnyLayer()
            .whereLayer("jobs").mayNotBeAccessedByAnyLayer()
            // Webhooks consume provisioning's events and read its summaries; api maps HTTP to their use cases.
            .whereLayer("webhooks").mayOnlyBeAccessedByLayers("api", "webhooks.store", "webhooks.delivery")
            .whereLayer("webhooks.store").mayNotBeAccessedByAnyLayer()
            .whereLayer("webhooks.delivery").mayNotBeAccessedByAnyLayer()
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            // The simulator is a stand-in for Microsoft's service: nothing may call it except over HTTP.
            .whereLayer("sandbox").mayNotBeAccessedByAnyLayer()
            // The sandbox contributes its issuer's keys to the security wiring (LocalTokenIssuerKeys), never the other way.
            .whereLayer("security").mayOnlyBeAccessedByLayers("api", "sandbox");

    /** The core knows no adapter: not the web, the database, the scheduler, Graph's client or the security wiring. */
    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses()
            .that().resideInAnyPackage("org.teamsprovisioner.provisioning", "org.teamsprovisioner.policy..", "org.teamsprovisioner.request..")
            .should().dependOnClassesThat().resideInAnyPackage("org.teamsprovisioner.api..", "org.teamsprovisioner.graph..",
                    "org.teamsprovisioner.provisioning.store..", "org.teamsprovisioner.provisioning.jobs..",
                    "org.teamsprovisioner.security..", "org.teamsprovisioner.config..", "org.teamsprovisioner.sandbox..");

    /** The request model and the policy sit below the use cases: they never reach up to provisioning or out to adapters. */
    @ArchTest
    static final ArchRule requestModelAndPolicyDependOnNoUseCase = noClasses()
            .that().resideInAnyPackage("org.teamsprovisioner.request..", "org.teamsprovisioner.policy..")
            .should().dependOnClassesThat().resideInAPackage("org.teamsprovisioner.provisioning..");

    @ArchTest
    static final ArchRule requestModelDependsOnNothingOfTheService = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.request..")
            .should().dependOnClassesThat().resideInAnyPackage("org.teamsprovisioner.policy..", "org.teamsprovisioner.provisioning..");

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
    /** The webhooks' core names no adapter and no web, database or scheduler type; its adapters meet only in it. */
    @ArchTest
    static final ArchRule webhooksCoreDependsOnNoAdapter = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.webhooks")
            .should().dependOnClassesThat().resideInAnyPackage("org.teamsprovisioner.api..", "org.teamsprovisioner.graph..",
                    "org.teamsprovisioner.provisioning.store..", "org.teamsprovisioner.provisioning.jobs..",
                    "org.teamsprovisioner.webhooks.store..", "org.teamsprovisioner.webhooks.delivery..",
                    "org.teamsprovisioner.security..", "org.teamsprovisioner.config..", "org.teamsprovisioner.sandbox..",
                    "org.springframework.web..", "org.springframework.http..", "org.springframework.r2dbc..",
                    "io.r2dbc..", "org.springframework.data.r2dbc..", "com.github.kagkarlsson..", "reactor.netty..", "io.netty..");

    /** Provisioning knows nothing of who listens to its events. */
    @ArchTest
    static final ArchRule provisioningDoesNotKnowWebhooks = noClasses()
            .that().resideInAPackage("org.teamsprovisioner.provisioning..")
            .should().dependOnClassesThat().resideInAPackage("org.teamsprovisioner.webhooks..");

    @ArchTest
    static final ArchRule webhookStoreAndDeliveryDoNotKnowEachOther = slices().matching("org.teamsprovisioner.webhooks.(store|delivery)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule storeAndJobsDoNotKnowEachOther = slices().matching("org.teamsprovisioner.provisioning.(store|jobs)..").should().notDependOnEachOther();

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
