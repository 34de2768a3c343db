package org.teamsprovisioner.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.teamsprovisioner.security.ProblemTypes;

/** Serves docs/problems.md (copied into the jar by the build) where every problem's {@code type} points. */
@Configuration(proxyBeanMethods = false)
class ProblemPage {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    @Bean
    RouterFunction<ServerResponse> problemsPage() {
        ClassPathResource page = new ClassPathResource("docs/problems.md");
        return RouterFunctions.route()
                .GET(ProblemTypes.PAGE, request -> ServerResponse.ok().contentType(MARKDOWN).bodyValue(page))
                .build();
    }
}
