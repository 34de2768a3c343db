package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The JSON body of {@code POST /teams}, as in the "Create team" examples of the Graph docs. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"template@odata.bind", "group@odata.bind", "displayName", "description", "visibility", "members",
        "channels", "memberSettings", "guestSettings", "funSettings", "messagingSettings", "discoverySettings", "installedApps"})
public record TeamBody(
        @JsonProperty("template@odata.bind") String template,
        @JsonProperty("group@odata.bind") String group,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("description") String description,
        @JsonProperty("visibility") String visibility,
        @JsonProperty("members") List<Member> members,
        @JsonProperty("channels") List<Channel> channels,
        @JsonProperty("memberSettings") Map<String, Object> memberSettings,
        @JsonProperty("guestSettings") Map<String, Object> guestSettings,
        @JsonProperty("funSettings") Map<String, Object> funSettings,
        @JsonProperty("messagingSettings") Map<String, Object> messagingSettings,
        @JsonProperty("discoverySettings") Map<String, Object> discoverySettings,
        @JsonProperty("installedApps") List<InstalledApp> installedApps) {

    /** An {@code aadUserConversationMember}; app-only calls must include at least one owner. */
    @JsonPropertyOrder({"@odata.type", "roles", "user@odata.bind"})
    public record Member(
            @JsonProperty("@odata.type") String type,
            @JsonProperty("roles") @JsonInclude(JsonInclude.Include.ALWAYS) List<String> roles,
            @JsonProperty("user@odata.bind") String user) {
    }

    public record Channel(
            @JsonProperty("displayName") String displayName,
            @JsonProperty("description") String description,
            @JsonProperty("isFavoriteByDefault") boolean isFavoriteByDefault) {
    }

    public record InstalledApp(@JsonProperty("teamsApp@odata.bind") String teamsApp) {
    }
}
