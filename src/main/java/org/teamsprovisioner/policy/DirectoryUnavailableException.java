package org.teamsprovisioner.policy;

/** The directory could not be read, so the policy cannot be applied now; nothing was stored. */
public class DirectoryUnavailableException extends RuntimeException {

    DirectoryUnavailableException(Throwable cause) {
        super("The directory (Microsoft Graph) could not be read to check the policy: " + cause.getMessage(), cause);
    }
}
