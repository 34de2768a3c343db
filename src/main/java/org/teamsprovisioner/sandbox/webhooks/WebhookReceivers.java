package org.teamsprovisioner.sandbox.webhooks;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * The receivers by name, created by the first delivery or setting that names them and kept until
 * deleted. At most {@code max-receivers} names at once, so a sender looping over fresh URLs fills no
 * memory. Public for {@code routes}, which shows them in {@code GET /sandbox/graph/_state} too.
 */
public final class WebhookReceivers {

    /** URL-safe, and never starting with '_': those are the receiver's own paths (_state, _secret, ...). */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

    private final SandboxProperties.Webhooks settings;
    // Sorted, so _state lists names in a stable order; small, and every access holds the lock briefly.
    private final Map<String, Receiver> receivers = new TreeMap<>();

    public WebhookReceivers(SandboxProperties.Webhooks settings) {
        this.settings = settings;
    }

    /** @throws WebhookProblem 400 for a name that is not one, 409 when the receiver is full */
    synchronized Receiver obtain(String name) {
        Receiver receiver = receivers.get(checked(name));
        if (receiver == null) {
            if (receivers.size() >= settings.maxReceivers()) {
                throw new WebhookProblem(HttpStatus.CONFLICT, "The sandbox already keeps " + receivers.size()
                        + " receiver names (provisioner.sandbox.webhooks.max-receivers); DELETE /sandbox/webhooks/{name}"
                        + " one before using '" + name + "'.");
            }
            receiver = new Receiver(settings.history(), settings.tolerance());
            receivers.put(name, receiver);
        }
        return receiver;
    }

    synchronized Optional<Receiver> existing(String name) {
        return Optional.ofNullable(receivers.get(checked(name)));
    }

    synchronized void delete(String name) {
        receivers.remove(checked(name));
    }

    /** Every receiver as a property of {@code json}, by name. */
    public void write(ObjectNode json) {
        Map<String, Receiver> copy;
        synchronized (this) {
            copy = new TreeMap<>(receivers);
        }
        copy.forEach((name, receiver) -> receiver.write(json.putObject(name)));
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw WebhookProblem.badRequest("'" + name + "' is not a receiver name: 1 to 64 letters, digits, '.', '_', '~'"
                    + " or '-', starting with a letter or digit.");
        }
        return name;
    }
}
