package org.teamsprovisioner.api;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

final class ServiceTestJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceTestJson() {
    }

    static String of(Map<String, ?> fields) {
        return JSON.writeValueAsString(fields);
    }
}
