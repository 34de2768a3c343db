package org.teamsprovisioner.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.request.TeamSpec;

/** Policies built from the same keys an operator writes, and directory entries as the policy reads them. */
final class PolicyFixtures {

    static final DirectoryUser ALICE = new DirectoryUser("11111111-1111-1111-1111-111111111111", "alice@contoso.com", "Alice",
            "Sales", "Contoso", "Oslo HQ", "Oslo", "Norway", "Account Manager", "Member");
    static final DirectoryUser BOB = new DirectoryUser("22222222-2222-2222-2222-222222222222", "bob@contoso.com", "Bob",
            "Engineering", "Contoso", "Bergen", "Vestland", "Norway", "Engineer", "Member");
    static final DirectoryUser GUEST = new DirectoryUser("33333333-3333-3333-3333-333333333333",
            "guest_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Guest", null, null, null, null, null, null, "Guest");
    static final DirectoryUser NO_DEPARTMENT = new DirectoryUser("44444444-4444-4444-4444-444444444444", "dave@contoso.com", "Dave",
            " ", "Contoso", "Oslo HQ", "Oslo", "Norway", "Intern", "Member");
    static final Caller AS_ALICE = Caller.of(ALICE.id());

    private PolicyFixtures() {
    }

    /** {@code keys} as in application.yml, without the {@code provisioner.policy.} prefix. */
    static CheckTeamRequest policy(Map<String, String> keys) {
        Map<String, String> prefixed = new HashMap<>();
        keys.forEach((key, value) -> prefixed.put("provisioner.policy." + key, value));
        PolicyProperties properties = new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("provisioner.policy", PolicyProperties.class);
        return new CheckTeamRequest(new OrgPolicy(properties), null);
    }

    static Map<String, DirectoryUser> directory(DirectoryUser... users) {
        Map<String, DirectoryUser> found = new HashMap<>();
        for (DirectoryUser user : users) {
            found.put(user.userPrincipalName().toLowerCase(), user);
            found.put(user.id(), user);
        }
        return found;
    }

    static TeamSpec team(String name, List<String> owners) {
        return TeamSpec.requested(name, null, null, null, owners, List.of(), List.of(), null);
    }

    static PolicyDecision decide(CheckTeamRequest check, TeamSpec spec, DirectoryUser requesterProfile) {
        Map<String, DirectoryUser> everyone = directory(ALICE, BOB, GUEST, NO_DEPARTMENT);
        return check.decide(spec, AS_ALICE, requesterProfile, everyone, everyone);
    }
}
