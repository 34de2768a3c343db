package org.teamsprovisioner.api;

/** A query parameter or header that cannot be used; {@code field} names it for the problem document. */
class BadRequestException extends RuntimeException {

    private final String field;

    BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
