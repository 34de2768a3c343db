package org.teamsprovisioner.sandbox.settings;

import java.util.List;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;

/**
 * The directory a sandbox has when {@code provisioner.sandbox.directory.users} is not configured.
 * Ids are fixed GUIDs (readable prefixes such as {@code a11ce000}) so that tests, docs and portal
 * developers can cite them. Jacob is the user of the Create team doc's examples 2 and 10 (by id
 * and by UPN), so those examples are accepted as written.
 */
public final class DefaultDirectory {

    public static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    public static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    public static final String CAROL = "ca201000-0000-4000-8000-000000000003";
    public static final String DAVE = "da7e0000-0000-4000-8000-000000000004";
    public static final String OBRIEN = "0b71e000-0000-4000-8000-000000000005";
    public static final String GUEST = "9e570000-0000-4000-8000-000000000006";
    public static final String JACOB = "0040b377-61d8-43db-94f5-81374122dc7e";

    static final List<User> USERS = List.of(
            new User(ALICE, "alice@contoso.com", "Alice Wong", "Alice", "Wong", null, "Engineering Manager",
                    "Engineering", "Contoso Ltd", "Building 1 / 1100", "WA", "United States", "US", "Member", true),
            new User(BOB, "bob@contoso.com", "Bob Kelly", "Bob", "Kelly", null, "Account Executive", "Sales",
                    "Contoso Ltd", "Building 2 / 2200", "NY", "United States", "US", "Member", true),
            new User(CAROL, "carol@contoso.com", "Carol Dubois", "Carol", "Dubois", null, "Marketing Specialist",
                    "Marketing", "Contoso Ltd", "Paris / 3.14", "Île-de-France", "France", "FR", "Member", true),
            new User(JACOB, "jacob@contoso.com", "Jacob Hancock", "Jacob", "Hancock", null, "Program Manager",
                    "Operations", "Contoso Ltd", "Building 3 / 3300", "WA", "United States", "US", "Member", true),
            new User(OBRIEN, "o'brien@contoso.com", "Siobhán O'Brien", "Siobhán", "O'Brien", null, "Legal Counsel",
                    "Legal", "Contoso Ltd", "Dublin / 4.01", "Leinster", "Ireland", "IE", "Member", true),
            // No department: naming policies that use it must cope with a gap.
            new User(DAVE, "dave@contoso.com", "Dave Ito", "Dave", "Ito", null, "Consultant", null, "Contoso Ltd",
                    "Remote", "CA", "United States", "US", "Member", true),
            // An invited B2B guest: UPN in the #EXT# form, mail at the home tenant.
            new User(GUEST, "guest_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Grace Guest (Fabrikam)", "Grace",
                    "Guest", "guest@fabrikam.com", "Partner Consultant", null, "Fabrikam", null, null,
                    "United Kingdom", "GB", "Guest", true));

    private DefaultDirectory() {
    }
}
