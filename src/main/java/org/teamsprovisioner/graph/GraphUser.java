package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Graph's {@code user} as it arrives, with the properties the policy reads ({@code $select}); the policy gets its own record. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphUser(
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

    /** Graph's v1.0 {@code GET /users} returns few properties unless they are selected. */
    static final String SELECT = "id,userPrincipalName,displayName,department,companyName,officeLocation,state,country,jobTitle,userType";
}
