package org.teamsprovisioner.sandbox;

import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.http.SandboxJson;

/**
 * The request bodies of the Create team seed (/work/shared/seeds/graph-create-team.txt), copied
 * verbatim. Examples 4 and 5 (team from a group) are left to the group simulation.
 */
final class SeedExamples {

    /** Example 1: Delegated permissions. */
    static final String EXAMPLE_1 = """
            {
              "template@odata.bind": "https://graph.microsoft.com/beta/teamsTemplates('standard')",
              "displayName": "My Sample Team",
              "description": "My Sample Team’s Description"
            }
            """;

    /** Example 2: Application permissions. */
    static final String EXAMPLE_2 = """
            {
               "template@odata.bind":"https://graph.microsoft.com/beta/teamsTemplates('standard')",
               "displayName":"My Sample Team",
               "description":"My Sample Team’s Description",
               "members":[
                  {
                     "@odata.type":"#microsoft.graph.aadUserConversationMember",
                     "roles":[
                        "owner"
                     ],
                     "user@odata.bind":"https://graph.microsoft.com/beta/users('0040b377-61d8-43db-94f5-81374122dc7e')"
                  }
               ]
            }
            """;

    /** Example 3: Create a team with multiple channels, installed apps, and pinned tabs using delegated permissions. */
    static final String EXAMPLE_3 = """
            {
                "template@odata.bind": "https://graph.microsoft.com/beta/teamsTemplates('standard')",
                "visibility": "Private",
                "displayName": "Sample Engineering Team",
                "description": "This is a sample engineering team, used to showcase the range of properties supported by this API",
                "channels": [
                    {
                        "displayName": "Announcements 📢",
                        "isFavoriteByDefault": true,
                        "description": "This is a sample announcements channel that is favorited by default. Use this channel to make important team, product, and service announcements."
                    },
                    {
                        "displayName": "Training 🏋️",
                        "isFavoriteByDefault": true,
                        "description": "This is a sample training channel, that is favorited by default, and contains an example of pinned website and YouTube tabs.",
                        "tabs": [
                            {
                                "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.web')",
                                "displayName": "A Pinned Website",
                                "configuration": {
                                    "contentUrl": "https://learn.microsoft.com/microsoftteams/microsoft-teams"
                                }
                            },
                            {
                                "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.youtube')",
                                "displayName": "A Pinned YouTube Video",
                                "configuration": {
                                    "contentUrl": "https://tabs.teams.microsoft.com/Youtube/Home/YoutubeTab?videoId=X8krAMdGvCQ",
                                    "websiteUrl": "https://www.youtube.com/watch?v=X8krAMdGvCQ"
                                }
                            }
                        ]
                    },
                    {
                        "displayName": "Planning 📅 ",
                        "description": "This is a sample of a channel that is not favorited by default, these channels will appear in the more channels overflow menu.",
                        "isFavoriteByDefault": false
                    },
                    {
                        "displayName": "Issues and Feedback 🐞",
                        "description": "This is a sample of a channel that is not favorited by default, these channels will appear in the more channels overflow menu."
                    }
                ],
                "memberSettings": {
                    "allowCreateUpdateChannels": true,
                    "allowDeleteChannels": true,
                    "allowAddRemoveApps": true,
                    "allowCreateUpdateRemoveTabs": true,
                    "allowCreateUpdateRemoveConnectors": true
                },
                "guestSettings": {
                    "allowCreateUpdateChannels": false,
                    "allowDeleteChannels": false
                },
                "funSettings": {
                    "allowGiphy": true,
                    "giphyContentRating": "Moderate",
                    "allowStickersAndMemes": true,
                    "allowCustomMemes": true
                },
                "messagingSettings": {
                    "allowUserEditMessages": true,
                    "allowUserDeleteMessages": true,
                    "allowOwnerDeleteMessages": true,
                    "allowTeamMentions": true,
                    "allowChannelMentions": true
                },
                "discoverySettings": {
                    "showInTeamsSearchAndSuggestions": true
                },
                "installedApps": [
                    {
                        "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.vsts')"
                    },
                    {
                        "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('1542629c-01b3-4a6d-8f76-1938b779e48d')"
                    }
                ]
            }
            """;

    /** Example 6: Create a team with a non-standard base template type. */
    static final String EXAMPLE_6 = """
            {
              "template@odata.bind": "https://graph.microsoft.com/beta/teamsTemplates('educationClass')",
              "displayName": "My Class Team",
              "description": "My Class Team’s Description"
            }
            """;

    /**
     * Example 7: Create a team with a localized non-standard base template type. As copied from
     * the seed, its properties are indented with no-break spaces (U+00A0), which are not JSON
     * whitespace (RFC 8259 section 2) and which Graph's OData JSON reader does not skip either:
     * sent like this the body is unreadable. {@link #EXAMPLE_7_JSON} is the same body with plain spaces.
     */
    static final String EXAMPLE_7 = """
            {

            \u00A0 \u00A0 "templateDefinition@odata.bind": "https://graph.microsoft.com/beta/teamwork/teamTemplates/com.microsoft.teams.template.ManageAProject/definitions/Y29tLm1pY3Jvc29mdC50ZWFtcy50ZW1wbGF0ZS5NYW5hZ2VBUHJvamVjdCMjUHVibGljIyNhci1TQQ==",

            \u00A0 \u00A0 "displayName": "My Sample Team",

            \u00A0 \u00A0 "description": "My Sample Team’s Description"

            }
            """;

    /** Example 4: Create a team from group. */
    static final String EXAMPLE_4 = """
            {
              "template@odata.bind": "https://graph.microsoft.com/beta/teamsTemplates('standard')",
              "group@odata.bind": "https://graph.microsoft.com/beta/groups('71392b2f-1765-406e-86af-5907d9bdb2ab')"
            }
            """;

    /** Example 5: Create a team from a group with multiple channels, installed apps, and pinned tabs. */
    static final String EXAMPLE_5 = """
            {
               "template@odata.bind":"https://graph.microsoft.com/beta/teamsTemplates('standard')",
               "group@odata.bind":"https://graph.microsoft.com/beta/groups('dbd8de4f-5d47-48da-87f1-594bed003375')",
               "channels":[
                  {
                     "displayName":"Class Announcements 📢",
                     "isFavoriteByDefault":true
                  },
                  {
                     "displayName":"Homework 🏋️",
                     "isFavoriteByDefault":true
                  }
               ],
               "memberSettings":{
                  "allowCreateUpdateChannels":false,
                  "allowDeleteChannels":false,
                  "allowAddRemoveApps":false,
                  "allowCreateUpdateRemoveTabs":false,
                  "allowCreateUpdateRemoveConnectors":false
               },
               "installedApps":[
                  {
                     "teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.vsts')"
                  },
                  {
                     "teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('1542629c-01b3-4a6d-8f76-1938b779e48d')"
                  }
               ]
            }
            """;

    /** Example 8: Create a team with a non-standard base template type with extended properties. */
    static final String EXAMPLE_8 = """
            {
               "template@odata.bind":"https://graph.microsoft.com/beta/teamsTemplates('educationClass')",
               "displayName":"My Class Team",
               "description":"My Class Team’s Description",
               "channels":[
                  {
                     "displayName":"Class Announcements 📢",
                     "isFavoriteByDefault":true
                  },
                  {
                     "displayName":"Homework 🏋️",
                     "isFavoriteByDefault":true
                  }
               ],
               "memberSettings":{
                  "allowCreateUpdateChannels":false,
                  "allowDeleteChannels":false,
                  "allowAddRemoveApps":false,
                  "allowCreateUpdateRemoveTabs":false,
                  "allowCreateUpdateRemoveConnectors":false
               },
               "installedApps":[
                  {
                     "teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.vsts')"
                  },
                  {
                     "teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('1542629c-01b3-4a6d-8f76-1938b779e48d')"
                  }
               ]
            }
            """;

    /** Example 9: Create a team in migration mode. */
    static final String EXAMPLE_9 = """
            {
              "@microsoft.graph.teamCreationMode": "migration",
              "template@odata.bind": "https://graph.microsoft.com/beta/teamsTemplates('standard')",
              "displayName": "My Sample Team",
              "description": "My Sample Team’s Description",
              "createdDateTime": "2020-03-14T11:22:17.067Z"
            }
            """;

    /** Example 10: Application permissions using user principal name. */
    static final String EXAMPLE_10 = """
            {
               "template@odata.bind":"https://graph.microsoft.com/beta/teamsTemplates('standard')",
               "displayName":"My Sample Team",
               "description":"My Sample Team’s Description",
               "members":[
                  {
                     "@odata.type":"#microsoft.graph.aadUserConversationMember",
                     "roles":[
                        "owner"
                     ],
                     "user@odata.bind":"https://graph.microsoft.com/beta/users('jacob@contoso.com')"
                  }
               ]
            }
            """;

    /** Example 7 with its no-break spaces turned into spaces: the request the documentation means. */
    static final String EXAMPLE_7_JSON = EXAMPLE_7.replace('\u00A0', ' ');

    /** The examples written for delegated permissions: the signed-in user becomes the owner. */
    static final Map<Integer, String> DELEGATED = Map.of(1, EXAMPLE_1, 3, EXAMPLE_3, 6, EXAMPLE_6, 7, EXAMPLE_7_JSON,
            8, EXAMPLE_8, 9, EXAMPLE_9);

    /** The owner that examples 2 and 10 name by object id. */
    static final String OWNER_ID = "0040b377-61d8-43db-94f5-81374122dc7e";

    private SeedExamples() {
    }

    /**
     * A delegated example as an app-only caller must send it: with a {@code members} entry for an
     * owner, exactly as examples 2 and 10 write it ("When issuing a request with application
     * permissions, a user must be specified in the members collection").
     */
    static String withOwner(String example) {
        ObjectNode body = (ObjectNode) SandboxJson.read(example);
        ObjectNode owner = body.putArray("members").addObject();
        owner.put("@odata.type", "#microsoft.graph.aadUserConversationMember");
        owner.putArray("roles").add("owner");
        owner.put("user@odata.bind", "https://graph.microsoft.com/beta/users('" + OWNER_ID + "')");
        return SandboxJson.write(body);
    }
}
