package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/** The properties of Graph's {@code group} provisioning reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupSummary(String id, String displayName, String mailNickname, OffsetDateTime createdDateTime,
        List<String> resourceProvisioningOptions) {

    /** Graph marks a group that has become a team with the provisioning option {@code Team}. */
    public boolean hasTeam() {
        return resourceProvisioningOptions != null && resourceProvisioningOptions.contains("Team");
    }
}
