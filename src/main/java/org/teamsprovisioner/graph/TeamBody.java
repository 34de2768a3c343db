package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON body of {@code POST /teams}, as in the "Create team" examples of the Graph docs. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"template@odata.bind", "group@odata.bind", "displayName", "description", "visibility", "members", "channels"})
public record TeamBody(
        @JsonProperty("template@odata.bind") String template,
        @JsonProperty("group@odata.bind") String group,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("description") String description,
        @JsonProperty("visibility") String visibility,
        @JsonProperty("members") List<Member> members,
        @JsonProperty("channels") List<Channel> channels) {

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
}
