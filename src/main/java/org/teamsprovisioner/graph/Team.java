package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The few properties of Graph's {@code team} resource the provisioner reads.
 *
 * @param internalId the team's thread id, which is also its General channel's id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Team(String id, String displayName, String webUrl, String internalId) {
}
