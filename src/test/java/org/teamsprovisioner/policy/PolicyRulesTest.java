package org.teamsprovisioner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.teamsprovisioner.policy.PolicyFixtures.ALICE;
import static org.teamsprovisioner.policy.PolicyFixtures.BOB;
import static org.teamsprovisioner.policy.PolicyFixtures.NO_DEPARTMENT;
import static org.teamsprovisioner.policy.PolicyFixtures.decide;
import static org.teamsprovisioner.policy.PolicyFixtures.policy;
import static org.teamsprovisioner.policy.PolicyFixtures.team;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.teamsprovisioner.request.TeamSpec;
import org.teamsprovisioner.request.Violation;

/** One row per rule and edge: the policy keys, the request, the requester's profile, and the rules it breaks. */
class PolicyRulesTest {

    private static final List<String> OWNERS = List.of("alice@contoso.com", "bob@contoso.com");
    private static final String GUEST_UPN = "guest_fabrikam.com#EXT#@contoso.onmicrosoft.com";

    private static Arguments row(String scenario, Map<String, String> keys, TeamSpec spec, DirectoryUser profile, String... rules) {
        return Arguments.of(scenario, keys, spec, profile, List.of(rules));
    }

    private static TeamSpec withMembers(List<String> members) {
        return TeamSpec.requested("Apollo", null, null, null, OWNERS, members, List.of(), null);
    }

    private static TeamSpec withChannels(String... names) {
        return TeamSpec.requested("Apollo", null, null, null, OWNERS, List.of(),
                Stream.of(names).map(name -> new TeamSpec.ChannelSpec(name, null, false)).toList(), null);
    }

    private static TeamSpec withSettings(String group, String property, Object value) {
        return new TeamSpec("Apollo", null, null, null, OWNERS, List.of(), List.of(), null, Map.of(group, Map.of(property, value)),
                null, null);
    }

    static Stream<Arguments> rules() {
        Map<String, String> department = Map.of("naming.prefix", "GRP-[Department]-");
        Map<String, String> blocked = Map.of("naming.blocked-words", "payroll,human resources,ærlig");
        return Stream.of(
                row("prefix resolves from the requester's profile", department, team("Apollo", OWNERS), ALICE),
                row("a blank attribute is missing, not empty", department, team("Apollo", OWNERS), NO_DEPARTMENT,
                        "naming.attributeMissing"),
                row("a requester outside the directory has no attributes", department, team("Apollo", OWNERS), null,
                        "naming.attributeMissing"),
                row("blocked word in any case", blocked, team("Team PAYROLL", OWNERS), ALICE, "naming.blockedWord"),
                row("blocked word between punctuation", blocked, team("team-payroll/2026", OWNERS), ALICE, "naming.blockedWord"),
                row("blocked word inside a longer word is allowed", blocked, team("Payrolling Partners", OWNERS), ALICE),
                row("full-width letters are normalised", blocked, team("ＰＡＹＲＯＬＬ desk", OWNERS), ALICE, "naming.blockedWord"),
                row("non-ASCII blocked word, other case", blocked, team("ÆRLIG talk", OWNERS), ALICE, "naming.blockedWord"),
                row("blocked phrase across extra spaces", blocked, team("Human   Resources hub", OWNERS), ALICE, "naming.blockedWord"),
                row("words of a phrase apart are allowed", blocked, team("Human hub resources", OWNERS), ALICE),
                row("final name exactly at the limit", Map.of("naming.prefix", "GRP-", "naming.max-length", "20"),
                        team("x".repeat(16), OWNERS), ALICE),
                row("final name one past the limit", Map.of("naming.prefix", "GRP-", "naming.max-length", "20"),
                        team("x".repeat(17), OWNERS), ALICE, "naming.length"),
                row("disallowed character", Map.of("naming.disallowed-characters", "#%"), team("Team #1", OWNERS), ALICE,
                        "naming.character"),
                row("too few owners", Map.of("owners.min", "2"), team("Apollo", List.of("alice@contoso.com")), ALICE, "owners.min"),
                row("enough owners", Map.of("owners.min", "2"), team("Apollo", OWNERS), ALICE),
                row("too many owners", Map.of("owners.max", "1"), team("Apollo", OWNERS), ALICE, "owners.max"),
                row("unknown owner", Map.of(), team("Apollo", List.of("alice@contoso.com", "nobody@contoso.com")), ALICE,
                        "owners.unknown"),
                row("guest owner", Map.of(), team("Apollo", List.of("alice@contoso.com", GUEST_UPN)), ALICE, "owners.guest"),
                row("requester must own", Map.of("owners.require-requester", "true"), team("Apollo", List.of("bob@contoso.com")),
                        ALICE, "owners.requester"),
                row("requester owns by object id", Map.of("owners.require-requester", "true"), team("Apollo", List.of(ALICE.id())),
                        ALICE),
                row("requester owns by UPN in another case", Map.of("owners.require-requester", "true"),
                        team("Apollo", List.of("ALICE@contoso.com")), ALICE),
                row("too many members", Map.of("members.max", "1"), withMembers(List.of("dave@contoso.com", GUEST_UPN)), ALICE,
                        "members.max"),
                row("guest member where guests are not allowed", Map.of("members.allow-guests", "false"),
                        withMembers(List.of(GUEST_UPN)), ALICE, "members.guest"),
                row("guest member where guests are allowed", Map.of(), withMembers(List.of(GUEST_UPN)), ALICE),
                row("unknown member", Map.of(), withMembers(List.of("ghost@contoso.com")), ALICE, "members.unknown"),
                row("template not allowed", Map.of("templates.allowed", "standard"),
                        TeamSpec.requested("Apollo", null, null, "educationClass", OWNERS, List.of(), List.of(), null), ALICE,
                        "template.notAllowed"),
                row("visibility not allowed", Map.of("visibility.allowed", "private"),
                        TeamSpec.requested("Apollo", null, "public", null, OWNERS, List.of(), List.of(), null), ALICE,
                        "visibility.notAllowed"),
                row("too many channels", Map.of("channels.max", "1"), withChannels("Plans", "Design"), ALICE, "channels.max"),
                row("required channels count towards the limit", Map.of("channels.max", "1", "channels.required", "Announcements"),
                        withChannels("Plans"), ALICE, "channels.max"),
                row("forbidden channel in another case", Map.of("channels.forbidden", "Random"), withChannels("RANDOM"), ALICE,
                        "channels.forbidden"),
                row("locked setting asked otherwise", Map.of("locked-settings.guest-settings.allowCreateUpdateChannels", "false"),
                        withSettings("guestSettings", "allowCreateUpdateChannels", true), ALICE, "settings.locked"),
                row("locked setting asked the same", Map.of("locked-settings.guest-settings.allowCreateUpdateChannels", "false"),
                        withSettings("guestSettings", "allowCreateUpdateChannels", false), ALICE),
                row("locked rating in another case", Map.of("locked-settings.fun-settings.giphyContentRating", "strict"),
                        withSettings("funSettings", "giphyContentRating", "Strict"), ALICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleAcceptsOrRefuses(String scenario, Map<String, String> keys, TeamSpec spec, DirectoryUser profile, List<String> rules) {
        PolicyDecision decision = decide(policy(keys), spec, profile);

        assertThat(decision.violations()).extracting(Violation::rule).containsExactlyElementsOf(rules);
        assertThat(decision.isValid()).isEqualTo(rules.isEmpty());
    }

    @Test
    void finalNameIsPrefixNameSuffixFromTheProfile() {
        PolicyDecision decision = decide(policy(Map.of("naming.prefix", "GRP-[Department]-", "naming.suffix", " ([CountryOrRegion])")),
                team("  Apollo  ", OWNERS), ALICE);

        assertThat(decision.displayName()).isEqualTo("GRP-Sales-Apollo (Norway)");
        assertThat(decision.approved().displayName()).isEqualTo("GRP-Sales-Apollo (Norway)");
    }

    @Test
    void approvedSpecCarriesDefaultsRequiredChannelsLockedSettingsAppsAndMode() {
        PolicyDecision decision = decide(policy(Map.of(
                "templates.default", "standard",
                "visibility.default", "private",
                "channels.required", "Announcements",
                "locked-settings.guest-settings.allowDeleteChannels", "false",
                "apps.always-installed", "com.microsoft.teamspace.tab.planner",
                "creation-mode", "group-first")), withChannels("announcements", "Plans"), ALICE);

        TeamSpec approved = decision.approved();
        assertThat(approved.template()).isEqualTo("standard");
        assertThat(approved.visibility()).isEqualTo("private");
        assertThat(approved.channels()).extracting(TeamSpec.ChannelSpec::displayName).containsExactly("announcements", "Plans");
        assertThat(approved.settings()).containsEntry("guestSettings", Map.of("allowDeleteChannels", false));
        assertThat(approved.installedApps()).containsExactly("com.microsoft.teamspace.tab.planner");
        assertThat(approved.creationMode()).isEqualTo("group-first");
    }

    @Test
    void requiredChannelIsAddedWhenMissing() {
        PolicyDecision decision = decide(policy(Map.of("channels.required", "Announcements")), withChannels("Plans"), ALICE);

        assertThat(decision.approved().channels()).extracting(TeamSpec.ChannelSpec::displayName).containsExactly("Plans", "Announcements");
    }

    @Test
    void requestWithSeveralProblemsReportsAllInBodyOrder() {
        TeamSpec spec = new TeamSpec("Payroll #1", "d".repeat(1025), "public", "retailStore",
                List.of("bob@contoso.com", "nobody@contoso.com"), List.of(PolicyFixtures.GUEST.userPrincipalName()),
                List.of(new TeamSpec.ChannelSpec("Random", null, false), new TeamSpec.ChannelSpec("a/b", null, false)), null,
                Map.of("guestSettings", Map.of("allowDeleteChannels", true)), null, null);

        PolicyDecision decision = decide(policy(Map.of(
                "naming.blocked-words", "payroll",
                "naming.disallowed-characters", "#",
                "owners.require-requester", "true",
                "members.allow-guests", "false",
                "templates.allowed", "standard",
                "visibility.allowed", "private",
                "channels.forbidden", "random",
                "locked-settings.guest-settings.allowDeleteChannels", "false")), spec, ALICE);

        assertThat(decision.violations()).extracting(Violation::rule).containsExactly(
                "naming.blockedWord", "naming.character", "description.length", "visibility.notAllowed", "template.notAllowed",
                "owners.requester", "owners.unknown", "members.guest", "channels.forbidden", "channels.displayName.format",
                "settings.locked");
        assertThat(decision.violations()).extracting(Violation::field).containsExactly(
                "/displayName", "/displayName", "/description", "/visibility", "/template", "/owners", "/owners/1", "/members/0",
                "/channels/0/displayName", "/channels/1/displayName", "/settings/guestSettings/allowDeleteChannels");
        assertThat(decision.approved()).isNull();
    }

    @Test
    void lockedSettingKeysFromEnvironmentVariablesFindGraphsSpelling() {
        PolicyDecision decision = decide(policy(Map.of("locked-settings.member-settings.allowcreateupdatechannels", "FALSE")),
                team("Apollo", OWNERS), BOB);

        assertThat(decision.approved().settings()).containsEntry("memberSettings", Map.of("allowCreateUpdateChannels", false));
    }

    @Test
    void policiesThatCannotMeanAnythingStopStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy(Map.of("naming.prefix", "[Manager]-")))
                .withMessageContaining("[Manager]");
        assertThatIllegalArgumentException().isThrownBy(() -> policy(Map.of("locked-settings.guest-settings.allowEverything", "true")))
                .withMessageContaining("allowEverything");
        assertThatIllegalArgumentException().isThrownBy(() -> policy(Map.of("locked-settings.fun-settings.allowGiphy", "maybe")))
                .withMessageContaining("true or false");
        assertThatIllegalArgumentException().isThrownBy(() -> policy(Map.of("templates.allowed", "standard",
                "templates.default", "educationClass"))).withMessageContaining("templates.default");
    }
}
