package org.teamsprovisioner.policy;

/** A user as the policy reads them: the attributes the naming policy may use, and whether they are a guest. */
public record DirectoryUser(
        String id,
        String userPrincipalName,
        String displayName,
        String department,
        String companyName,
        String officeLocation,
        String state,
        String country,
        String jobTitle,
        String userType) {

    public boolean isGuest() {
        return "Guest".equalsIgnoreCase(userType);
    }
}
