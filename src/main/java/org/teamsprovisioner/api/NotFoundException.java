package org.teamsprovisioner.api;

class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
