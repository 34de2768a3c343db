package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** provisioner.sandbox.directory.* and provisioner.sandbox.groups.*: defaults, overrides, validation. */
class SandboxDirectoryConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(SandboxConfiguration.class)
            .withPropertyValues("spring.profiles.active=sandbox");

    @Test
    void defaultDirectoryHasAliceBobAndCarolWithEveryAttributeAGuestAndAMemberWithoutDepartment() {
        List<SandboxProperties.User> users = RunningSandbox.properties(Map.of()).directory().users();

        assertThat(users).extracting(SandboxProperties.User::userPrincipalName).contains("alice@contoso.com",
                "bob@contoso.com", "carol@contoso.com", "jacob@contoso.com");
        for (String upn : List.of("alice@contoso.com", "bob@contoso.com", "carol@contoso.com")) {
            SandboxProperties.User user = user(users, upn);
            assertThat(user.userType()).isEqualTo("Member");
            assertThat(user.accountEnabled()).isTrue();
            assertThat(user.id()).matches(GraphCalls.UUID);
            assertThat(List.of(user.displayName(), user.givenName(), user.surname(), user.mail(), user.jobTitle(),
                    user.department(), user.companyName(), user.officeLocation(), user.state(), user.country(),
                    user.usageLocation())).as(upn).doesNotContainNull();
        }
        assertThat(user(users, "alice@contoso.com").id()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
        assertThat(user(users, "jacob@contoso.com").id()).as("the seed's user").isEqualTo("0040b377-61d8-43db-94f5-81374122dc7e");
        assertThat(users).filteredOn(user -> user.userType().equals("Guest")).singleElement()
                .satisfies(guest -> {
                    assertThat(guest.userPrincipalName()).isEqualTo("guest_fabrikam.com#EXT#@contoso.onmicrosoft.com");
                    assertThat(guest.mail()).isEqualTo("guest@fabrikam.com");
                });
        assertThat(users).filteredOn(user -> user.userType().equals("Member") && user.department() == null)
                .extracting(SandboxProperties.User::userPrincipalName).containsExactly("dave@contoso.com");
    }

    @Test
    void groupsDefaultToAThreeSecondReplicationDelayAndNoExistingGroups() {
        SandboxProperties.Groups groups = RunningSandbox.properties(Map.of()).groups();

        assertThat(groups.replicationDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(groups.mailDomain()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(groups.existing()).isEmpty();
    }

    @Test
    void kebabCaseKeysConfigureUsersAndGroups() {
        SandboxProperties properties = RunningSandbox.properties(Map.ofEntries(
                Map.entry("provisioner.sandbox.directory.users[0].id", "11111111-2222-4333-8444-555555555555"),
                Map.entry("provisioner.sandbox.directory.users[0].user-principal-name", "ext_x.com#EXT#@fabrikam.onmicrosoft.com"),
                Map.entry("provisioner.sandbox.directory.users[0].display-name", "X"),
                Map.entry("provisioner.sandbox.directory.users[0].given-name", "Ex"),
                Map.entry("provisioner.sandbox.directory.users[0].surname", "Ternal"),
                Map.entry("provisioner.sandbox.directory.users[0].mail", "ext@x.com"),
                Map.entry("provisioner.sandbox.directory.users[0].job-title", "Auditor"),
                Map.entry("provisioner.sandbox.directory.users[0].department", "Audit"),
                Map.entry("provisioner.sandbox.directory.users[0].company-name", "X Corp"),
                Map.entry("provisioner.sandbox.directory.users[0].office-location", "Oslo"),
                Map.entry("provisioner.sandbox.directory.users[0].state", "Oslo"),
                Map.entry("provisioner.sandbox.directory.users[0].country", "Norway"),
                Map.entry("provisioner.sandbox.directory.users[0].usage-location", "NO"),
                Map.entry("provisioner.sandbox.directory.users[0].user-type", "Guest"),
                Map.entry("provisioner.sandbox.directory.users[0].account-enabled", "false"),
                Map.entry("provisioner.sandbox.groups.replication-delay", "15m"),
                Map.entry("provisioner.sandbox.groups.mail-domain", "fabrikam.com"),
                Map.entry("provisioner.sandbox.groups.existing[0].id", "71392b2f-1765-406e-86af-5907d9bdb2ab"),
                Map.entry("provisioner.sandbox.groups.existing[0].display-name", "Audit"),
                Map.entry("provisioner.sandbox.groups.existing[0].owners", "11111111-2222-4333-8444-555555555555")));

        assertThat(properties.directory().users()).containsExactly(new SandboxProperties.User(
                "11111111-2222-4333-8444-555555555555", "ext_x.com#EXT#@fabrikam.onmicrosoft.com", "X", "Ex", "Ternal",
                "ext@x.com", "Auditor", "Audit", "X Corp", "Oslo", "Oslo", "Norway", "NO", "Guest", false));
        assertThat(properties.groups().replicationDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.groups().mailDomain()).isEqualTo("fabrikam.com");
        assertThat(properties.groups().existing()).containsExactly(new SandboxProperties.ExistingGroup(
                "71392b2f-1765-406e-86af-5907d9bdb2ab", "Audit", null, null, "Public",
                List.of("11111111-2222-4333-8444-555555555555"), List.of()));
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of(List.of("provisioner.sandbox.directory.users[0].id=alice",
                        "provisioner.sandbox.directory.users[0].user-principal-name=alice@contoso.com",
                        "provisioner.sandbox.directory.users[0].display-name=Alice"), "must be a GUID"),
                Arguments.of(List.of("provisioner.sandbox.directory.users[0].id=a11ce000-0000-4000-8000-000000000001",
                        "provisioner.sandbox.directory.users[0].user-principal-name=alice",
                        "provisioner.sandbox.directory.users[0].display-name=Alice"), "must look like name@domain"),
                Arguments.of(List.of("provisioner.sandbox.directory.users[0].id=a11ce000-0000-4000-8000-000000000001",
                        "provisioner.sandbox.directory.users[0].user-principal-name=alice@contoso.com",
                        "provisioner.sandbox.directory.users[0].display-name=Alice",
                        "provisioner.sandbox.directory.users[0].user-type=Admin"), "userType"),
                Arguments.of(List.of("provisioner.sandbox.directory.users[0].id=a11ce000-0000-4000-8000-000000000001",
                        "provisioner.sandbox.directory.users[0].user-principal-name=alice@contoso.com",
                        "provisioner.sandbox.directory.users[0].display-name=Alice",
                        "provisioner.sandbox.directory.users[1].id=b0b00000-0000-4000-8000-000000000002",
                        "provisioner.sandbox.directory.users[1].user-principal-name=ALICE@contoso.com",
                        "provisioner.sandbox.directory.users[1].display-name=Bob"), "must be unique"),
                Arguments.of(List.of("provisioner.sandbox.groups.replication-delay=-1s"), "replicationDelay"),
                Arguments.of(List.of("provisioner.sandbox.groups.mail-domain=contoso"), "must be a domain name"),
                Arguments.of(List.of("provisioner.sandbox.groups.existing[0].id=71392b2f-1765-406e-86af-5907d9bdb2ab",
                        "provisioner.sandbox.groups.existing[0].display-name=Audit",
                        "provisioner.sandbox.groups.existing[0].visibility=Secret"), "visibility"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidSettings")
    void invalidDirectoryOrGroupSettingsStopTheApplication(List<String> settings, String message) {
        contexts.withPropertyValues(settings.toArray(String[]::new)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(BindValidationException.class)
                    .hasMessageContaining(message);
        });
    }

    @Test
    void existingGroupWhoseOwnerIsNotInTheDirectoryStopsTheApplication() {
        contexts.withPropertyValues("provisioner.sandbox.groups.existing[0].id=71392b2f-1765-406e-86af-5907d9bdb2ab",
                "provisioner.sandbox.groups.existing[0].display-name=Audit",
                "provisioner.sandbox.groups.existing[0].owners=zoe@contoso.com").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("provisioner.sandbox.groups.existing[0].owners: 'zoe@contoso.com' is not a user of"
                                    + " provisioner.sandbox.directory.users.");
                });
    }

    @Test
    void existingGroupsMustNotShareAMailNickname() {
        contexts.withPropertyValues("provisioner.sandbox.groups.existing[0].id=71392b2f-1765-406e-86af-5907d9bdb2ab",
                "provisioner.sandbox.groups.existing[0].display-name=Audit",
                "provisioner.sandbox.groups.existing[1].id=dbd8de4f-5d47-48da-87f1-594bed003375",
                "provisioner.sandbox.groups.existing[1].display-name=Audit 2",
                "provisioner.sandbox.groups.existing[1].mail-nickname=AUDIT").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                            "provisioner.sandbox.groups.existing[1].mail-nickname: 'AUDIT' is already used.");
                });
    }

    private static SandboxProperties.User user(List<SandboxProperties.User> users, String upn) {
        return users.stream().filter(user -> user.userPrincipalName().equals(upn)).findFirst().orElseThrow();
    }
}
