package org.teamsprovisioner.api;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.teamsprovisioner.policy.DirectoryUnavailableException;
import org.teamsprovisioner.provisioning.IdempotencyKeyMismatchException;
import org.teamsprovisioner.provisioning.TeamRequestConflictException;
import org.teamsprovisioner.provisioning.TooManyRequestsInFlightException;
import org.teamsprovisioner.request.InvalidTeamRequestException;
import org.teamsprovisioner.request.Violation;
import org.teamsprovisioner.security.CorrelationIds;
import org.teamsprovisioner.security.ProblemTypes;
import org.teamsprovisioner.webhooks.InvalidWebhookException;
import org.teamsprovisioner.webhooks.WebhookConflictException;
import org.teamsprovisioner.webhooks.WebhookForbiddenException;
import reactor.core.publisher.Mono;

/**
 * Every error leaves as an RFC 9457 problem document, including those Spring raises before a
 * controller runs (unknown route, wrong method or media type, unreadable or oversized body). Each
 * carries the exchange's {@code correlationId}, which the log lines about it name too.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(ApiProblems.class);

    @ExceptionHandler
    Mono<ResponseEntity<Object>> invalidRequest(InvalidTeamRequestException invalid, ServerWebExchange exchange) {
        // 422: the JSON is well-formed, but the team it asks for breaks Teams' limits or the org policy.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The team request has " + invalid.violations().size() + " problem(s); see violations.");
        problem.setTitle("Team request violates the rules");
        problem.setProperty("violations", invalid.violations());
        return handleExceptionInternal(invalid, problem, null, HttpStatus.UNPROCESSABLE_CONTENT, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> badParameter(BadRequestException bad, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.field().substring(1) + " " + bad.getMessage());
        problem.setProperty("violations", List.of(new Violation("parameter.invalid", bad.field(), bad.getMessage())));
        return handleExceptionInternal(bad, problem, null, HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> badWebhook(InvalidWebhookException bad, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.field().substring(1) + " " + bad.getMessage());
        problem.setProperty("violations", List.of(new Violation("webhook.invalid", bad.field(), bad.getMessage())));
        return handleExceptionInternal(bad, problem, null, HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> webhooksForbidden(WebhookForbiddenException refused, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
        return handleExceptionInternal(refused, problem, null, HttpStatus.FORBIDDEN, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> webhookConflict(WebhookConflictException conflict, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        return handleExceptionInternal(conflict, problem, null, HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> notFound(NotFoundException missing, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
        return handleExceptionInternal(missing, problem, null, HttpStatus.NOT_FOUND, exchange);
    }

    /** An /api path no endpoint serves; Spring's own text ("No static resource ...") would suggest files. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> noEndpoint(NoResourceFoundException missing, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no API endpoint at this path; see docs/api.md for the endpoints of /api/v1.");
        return handleExceptionInternal(missing, problem, null, HttpStatus.NOT_FOUND, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> keyReused(IdempotencyKeyMismatchException reused, ServerWebExchange exchange) {
        // draft-ietf-httpapi-idempotency-key-header: a key reused with another payload is 422.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, reused.getMessage());
        problem.setTitle("Idempotency-Key reused with a different request payload");
        return handleExceptionInternal(reused, problem, null, HttpStatus.UNPROCESSABLE_CONTENT, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> conflict(TeamRequestConflictException conflict, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        return handleExceptionInternal(conflict, problem, null, HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> directoryDown(DirectoryUnavailableException down, ServerWebExchange exchange) {
        log.warn("correlationId=" + CorrelationIds.of(exchange) + ": " + down.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The directory could not be read to check the request against the policy; nothing was stored. Retry shortly.");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "10");
        return handleExceptionInternal(down, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> tooManyInFlight(TooManyRequestsInFlightException full, ServerWebExchange exchange) {
        TooManyRequestsException refused = TooManyRequestsException.inFlight(full.limit(), full.retryAfter());
        return handleErrorResponseException(refused, refused.getHeaders(), refused.getStatusCode(), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> unexpected(Exception error, ServerWebExchange exchange) {
        log.error("Unhandled error on " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
                + " correlationId=" + CorrelationIds.of(exchange), error);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; nothing was changed unless the response said so. Retry later.");
        return handleExceptionInternal(error, problem, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            problem.setProperty(CorrelationIds.MEMBER, CorrelationIds.of(exchange));
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemTypes.of(status.value()));
            }
            // Set, not negotiated: a refused event stream (Accept: text/event-stream) gets the problem as JSON too.
            HttpHeaders withType = new HttpHeaders();
            if (headers != null) {
                withType.putAll(headers);
            }
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            headers = withType;
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    /** Turns Jackson's parse errors into messages a portal developer can act on, naming the field. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause = ex.getCause();
        while (cause instanceof DecodingException && cause.getCause() != null && cause != cause.getCause()) {
            cause = cause.getCause();
        }
        if (cause instanceof DataBufferLimitException) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than this API accepts.");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
        }
        UnreadableBody unreadable = UnreadableBody.of(cause, ex.getReason());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable.detail());
        if (unreadable.violation().isPresent()) {
            problem.setProperty("violations", unreadable.violations());
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }
}
