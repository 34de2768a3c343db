package org.teamsprovisioner.sandbox.teams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriUtils;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;

/** The JSON of Graph's channel and driveItem (a channel's filesFolder) resources. */
final class ChannelRepresentations {

    /** Get filesFolder's documented example answers this placeholder, not the folder's real creation time. */
    static final String FOLDER_CREATED = "0001-01-01T00:00:00Z";

    private ChannelRepresentations() {
    }

    static ObjectNode channels(SandboxTeam team, List<SandboxChannel> channels, String tenantId, String version) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#teams('" + team.id()
                + "')/channels");
        json.put("@odata.count", channels.size());
        ArrayNode values = json.putArray("value");
        channels.forEach(channel -> values.add(channel(team, channel, tenantId)));
        return json;
    }

    static ObjectNode channelEntity(SandboxTeam team, SandboxChannel channel, String tenantId, String version) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#teams('" + team.id()
                + "')/channels/$entity");
        json.setAll(channel(team, channel, tenantId));
        return json;
    }

    static ObjectNode channel(SandboxTeam team, SandboxChannel channel, String tenantId) {
        ObjectNode json = SandboxJson.object();
        json.put("id", channel.id());
        json.put("createdDateTime", channel.createdAt().toString());
        json.put("displayName", channel.displayName());
        json.put("description", channel.description());
        json.put("isFavoriteByDefault", channel.isFavoriteByDefault());
        json.put("email", "");
        json.put("tenantId", tenantId);
        // As Graph emits it: the thread id with lower-case escapes, then the encoded name.
        json.put("webUrl", "https://teams.microsoft.com/l/channel/" + thread(channel.id()) + "/"
                + UriUtils.encodePathSegment(channel.displayName(), StandardCharsets.UTF_8) + "?groupId=" + team.id()
                + "&tenantId=" + tenantId);
        json.put("membershipType", "standard");
        return json;
    }

    /**
     * The channel's folder in the team site's "Shared Documents" library, as Get filesFolder
     * answers it. Ids are derived from the team and channel, so repeated calls agree.
     *
     * @param siteName the team site's URL name: the group's mailNickname
     */
    static ObjectNode filesFolder(SandboxTeam team, SandboxChannel channel, String siteName, String mailDomain,
            Instant provisionedAt, String version) {
        String host = mailDomain.substring(0, mailDomain.indexOf('.')).toLowerCase(Locale.ROOT);
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#teams('" + team.id()
                + "')/channels('" + UriUtils.encode(channel.id(), StandardCharsets.UTF_8) + "')/filesFolder/$entity");
        json.put("id", "01" + uuid(team.id() + "/folder/" + channel.id()).toUpperCase(Locale.ROOT));
        json.put("createdDateTime", FOLDER_CREATED);
        json.put("lastModifiedDateTime", SandboxJson.seconds(provisionedAt));
        json.put("name", channel.displayName());
        json.put("webUrl", "https://" + host + ".sharepoint.com/sites/" + siteName + "/Shared%20Documents/"
                + UriUtils.encodePathSegment(channel.displayName(), StandardCharsets.UTF_8));
        json.put("size", 0);
        json.putObject("parentReference")
                .put("driveId", driveId(team.id()))
                .put("driveType", "documentLibrary");
        json.putObject("fileSystemInfo")
                .put("createdDateTime", SandboxJson.seconds(provisionedAt))
                .put("lastModifiedDateTime", SandboxJson.seconds(provisionedAt));
        json.putObject("folder").put("childCount", 0);
        return json;
    }

    /** SharePoint drive ids look like {@code b!} and 64 URL-safe base64 characters. */
    private static String driveId(String teamId) {
        byte[] bytes = (uuid(teamId + "/drive/1") + uuid(teamId + "/drive/2")).getBytes(StandardCharsets.US_ASCII);
        return "b!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 64);
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static String thread(String channelId) {
        return channelId.replace(":", "%3a").replace("@", "%40");
    }
}
