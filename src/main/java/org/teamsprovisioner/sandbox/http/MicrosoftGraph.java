package org.teamsprovisioner.sandbox.http;

/**
 * Microsoft Graph as an Entra ID resource: the two identifiers a token for Graph may name it by.
 * The token endpoint issues tokens for them, Graph accepts tokens for them, and Graph's 401
 * challenge names its application id.
 */
public final class MicrosoftGraph {

    /** Graph's application ID URI, the {@code aud} of the tokens Entra issues for it. */
    public static final String RESOURCE = "https://graph.microsoft.com";

    /** Graph's well-known application id, accepted by Entra as the same resource. */
    public static final String APP_ID = "00000003-0000-0000-c000-000000000000";

    private MicrosoftGraph() {
    }
}
