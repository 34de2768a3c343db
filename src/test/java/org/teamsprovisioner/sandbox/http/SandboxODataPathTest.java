package org.teamsprovisioner.sandbox.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.teamsprovisioner.sandbox.http.ODataPath.Segment;
import org.teamsprovisioner.sandbox.http.ODataPath.Step;
import org.teamsprovisioner.sandbox.createteam.TeamsAppBinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class SandboxODataPathTest {

    @Test
    void keySegmentsAreSplitIntoNameAndUnquotedKey() {
        assertThat(ODataPath.parse("/teams('a1')/operations('b2')")).containsExactly(
                new Segment("teams", "a1", "teams('a1')"),
                new Segment("operations", "b2", "operations('b2')"));
    }

    @Test
    void aDoubledQuoteInsideAKeyIsOneQuote() {
        assertThat(ODataPath.parse("users('o''brien@contoso.com')"))
                .extracting(Segment::key).containsExactly("o'brien@contoso.com");
    }

    @Test
    void aSlashInsideAQuotedKeyDoesNotSplitTheSegment() {
        assertThat(ODataPath.parse("/things('a/b')/more"))
                .extracting(Segment::name, Segment::key)
                .containsExactly(tuple("things", "a/b"),
                        tuple("more", null));
    }

    @Test
    void emptySegmentsFromLeadingTrailingOrDoubledSlashesAreIgnored() {
        assertThat(ODataPath.parse("//teams//x/")).extracting(Segment::text).containsExactly("teams", "x");
        assertThat(ODataPath.parse("")).isEmpty();
    }

    @Test
    void malformedKeysAreRejectedWithAMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> ODataPath.parse("teams('abc"))
                .withMessageContaining("Unterminated");
        assertThatIllegalArgumentException().isThrownBy(() -> ODataPath.parse("teams(abc)"))
                .withMessageContaining("quoted");
        assertThatIllegalArgumentException().isThrownBy(() -> ODataPath.parse("teams('a'b'')"))
                .withMessageContaining("doubled");
        assertThatIllegalArgumentException().isThrownBy(() -> ODataPath.parse("teams('a')x"));
        assertThatIllegalArgumentException().isThrownBy(() -> ODataPath.parse("('a')"));
    }

    @Test
    void keyFormAndSegmentFormNormalizeToTheSameSteps() {
        List<Step> expected = List.of(new Step("teams", "t1"), new Step("operations", "o1"));
        assertThat(ODataPath.steps(ODataPath.parse("teams('t1')/operations('o1')"))).isEqualTo(expected);
        assertThat(ODataPath.steps(ODataPath.parse("teams/t1/operations/o1"))).isEqualTo(expected);
        assertThat(ODataPath.steps(ODataPath.parse("teams('t1')/operations/o1"))).isEqualTo(expected);
        assertThat(ODataPath.steps(ODataPath.parse("teams/t1/operations('o1')"))).isEqualTo(expected);
    }

    @Test
    void aCollectionWithoutKeyIsAStepWithoutKey() {
        assertThat(ODataPath.steps(ODataPath.parse("teams"))).containsExactly(new Step("teams", null));
        assertThat(ODataPath.steps(ODataPath.parse("teams/t1/channels")))
                .containsExactly(new Step("teams", "t1"), new Step("channels", null));
    }

    @Test
    void bindKeyReadsTheKeyFromAnyHostAndVersion() {
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/beta/users('0040b377-61d8-43db-94f5-81374122dc7e')",
                "users")).contains("0040b377-61d8-43db-94f5-81374122dc7e");
        assertThat(ODataPath.bindKey("https://graph.microsoft.us/v1.0/users('jacob@contoso.com')", "users"))
                .contains("jacob@contoso.com");
        assertThat(ODataPath.bindKey("http://localhost:8080/sandbox/graph/v1.0/users('x')", "users")).contains("x");
        assertThat(ODataPath.bindKey("users('o''brien@contoso.com')", "users")).contains("o'brien@contoso.com");
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/v1.0/users/jacob@contoso.com", "users"))
                .contains("jacob@contoso.com");
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/v1.0/users%28%27a%27%29?$select=id", "users"))
                .contains("a");
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/beta/teamsTemplates('educationClass')",
                "teamsTemplates")).contains("educationClass");
    }

    @Test
    void bindKeyIsEmptyWhenTheUrlDoesNotAddressOneEntityOfTheCollection() {
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/v1.0/groups('x')", "users")).isEmpty();
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/v1.0/users", "users")).isEmpty();
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/v1.0/users('')", "users")).isEmpty();
        assertThat(ODataPath.bindKey("https://graph.microsoft.com/v1.0/users('x", "users")).isEmpty();
        assertThat(ODataPath.bindKey(null, "users")).isEmpty();
    }

    @Test
    void graphResourcesAreRecognizedInEveryAddressingForm() {
        assertThat(GraphResource.resolve("/teams")).isEqualTo(new GraphResource.Teams());
        assertThat(GraphResource.resolve("/teams('t1')")).isEqualTo(new GraphResource.Team("t1"));
        assertThat(GraphResource.resolve("/Teams/t1")).isEqualTo(new GraphResource.Team("t1"));
        assertThat(GraphResource.resolve("/teams('t1')/operations('o1')"))
                .isEqualTo(new GraphResource.TeamOperation("t1", "o1"));
        assertThat(GraphResource.resolve("/teams/t1/operations/o1"))
                .isEqualTo(new GraphResource.TeamOperation("t1", "o1"));
    }

    @Test
    void unknownSegmentsAreReportedTheWayGraphDoes() {
        assertThat(GraphResource.resolve("/sites('s')"))
                .isEqualTo(new GraphResource.Unrecognized("Resource not found for the segment 'sites'."));
        assertThat(GraphResource.resolve("/teams('t')/tags"))
                .isEqualTo(new GraphResource.Unrecognized("Resource not found for the segment 'tags'."));
        assertThat(GraphResource.resolve("/teams('t")).isInstanceOf(GraphResource.Unrecognized.class);
        assertThat(GraphResource.resolve("")).isInstanceOf(GraphResource.Unrecognized.class);
    }

    @Test
    void bindToTheSimulatorsOwnBaseUrlAddressesTheSameResourceAsGraphsHost() {
        String onGraph = "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.planner')";
        String onSimulator = "http://localhost:8080/sandbox/graph/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.planner')";

        assertThat(ODataPath.bindPath(onSimulator).orElseThrow()).extracting(ODataPath.Segment::name)
                .containsExactlyElementsOf(ODataPath.bindPath(onGraph).orElseThrow().stream().map(ODataPath.Segment::name).toList())
                .containsExactly("appCatalogs", "teamsApps");
        assertThat(TeamsAppBinds.appId(onSimulator)).contains("com.microsoft.teamspace.tab.planner");
    }
}
