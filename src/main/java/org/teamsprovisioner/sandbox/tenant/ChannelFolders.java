package org.teamsprovisioner.sandbox.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which channel files folders (SharePoint document library folders) have been provisioned. The
 * Create team doc warns that "the SharePoint site of the general channel might fail to provision.
 * If the site fails to provision after 5 minutes, use the Get filesFolder API to trigger
 * provisioning." The sandbox models the trigger: a folder is provisioned by the first
 * GET filesFolder, which answers it, and {@code _state} shows which folders a client has
 * provisioned that way.
 */
public final class ChannelFolders {

    /** Provisioning instant by team id, then channel id. */
    private final Map<String, Map<String, Instant>> provisioned = new ConcurrentHashMap<>();

    /** Provisions the folder if needed; returns when it was first provisioned. */
    public Instant provision(String teamId, String channelId, Instant now) {
        return provisioned.computeIfAbsent(teamId, key -> new ConcurrentHashMap<>()).computeIfAbsent(channelId, key -> now);
    }

    /** Channel ids whose folder is provisioned, sorted. */
    public List<String> provisioned(String teamId) {
        return provisioned.getOrDefault(teamId, Map.of()).keySet().stream().sorted().toList();
    }

    public void forget(String teamId) {
        provisioned.remove(teamId);
    }
}
