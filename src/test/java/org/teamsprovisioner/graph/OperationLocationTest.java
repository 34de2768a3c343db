package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperationLocationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /teams('dbd8de4f-5d47-48da-87f1-594bed003375')/operations('3a6fdce1-c261-48bc-89de-1cfef658c0d5') | dbd8de4f-5d47-48da-87f1-594bed003375 | 3a6fdce1-c261-48bc-89de-1cfef658c0d5
            https://graph.microsoft.com/v1.0/teams('t1')/operations('o1')                                     | t1 | o1
            /teams/t2/operations/o2                                                                           | t2 | o2
            /teams%28%27t3%27%29/operations%28%27o3%27%29                                                       | t3 | o3
            /teams('it''s')/operations('00000000-0000-0000-0000-000000000000')                                | it's | 00000000-0000-0000-0000-000000000000
            /teams('t4')/operations('o4')?$select=status                                                      | t4 | o4
            """)
    void readsTeamAndOperationIdsFromEveryLocationForm(String location, String teamId, String operationId) {
        OperationLocation parsed = OperationLocation.parse(location);

        assertThat(parsed.teamId()).isEqualTo(teamId);
        assertThat(parsed.operationId()).isEqualTo(operationId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/teams('t1')", "/groups('g')/operations('o')", "/teams('t1')/operations()"})
    void rejectsLocationsWithoutBothIds(String location) {
        assertThatIllegalArgumentException().isThrownBy(() -> OperationLocation.parse(location));
    }
}
