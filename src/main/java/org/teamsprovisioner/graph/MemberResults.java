package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The answer of {@code members/add}: one {@code actionResultPart} per user, with an error where it failed (207). */
@JsonIgnoreProperties(ignoreUnknown = true)
record MemberResults(List<Result> value) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String userId, Error error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String code, String message) {
    }

    List<String> failures() {
        return value == null ? List.of() : value.stream().filter(result -> result.error() != null)
                .map(result -> result.userId() + ": " + result.error().code() + " " + result.error().message())
                .toList();
    }
}
