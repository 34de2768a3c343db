package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Graph's error envelope: {@code {"error":{"code","message","innerError":{...}}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record GraphError(Body error) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(String code, String message) {
    }
}
