package org.teamsprovisioner.graph;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cache of directory users the policy reads (owners, members, the requester's profile). Portals
 * name the same people again and again; without it every submit and preview reads each of them
 * from Graph. What a cached entry may hide: a user who left or changed department within the TTL
 * still passes the policy, and Graph then refuses or accepts the team as it would any request.
 *
 * @param ttl how long a user found in the directory is reused.
 * @param notFoundTtl how long "no such user" is reused: shorter, since a new employee's account is
 *     typically created minutes before a portal names them.
 * @param maxSize most users kept (least recently used are dropped first).
 */
@Validated
@ConfigurationProperties("provisioner.graph.directory-cache")
public record DirectoryCacheProperties(
        @NotNull @DefaultValue("10m") Duration ttl,
        @NotNull @DefaultValue("1m") Duration notFoundTtl,
        @Min(0) @DefaultValue("10000") long maxSize) {
}
