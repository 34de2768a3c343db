package org.teamsprovisioner.sandbox.tenant;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;
import org.teamsprovisioner.sandbox.http.ODataPath;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * The fake tenant's users, read-only and fixed at start-up. Graph finds a user by object id or by
 * userPrincipalName ({@code GET /users/{id | userPrincipalName}}), both case-insensitively, and
 * so does every {@code user@odata.bind} that names one.
 */
public final class SandboxDirectory {

    private final List<User> users;
    private final Map<String, User> byId = new HashMap<>();
    private final Map<String, User> byUserPrincipalName = new HashMap<>();

    public SandboxDirectory(SandboxProperties.Directory directory) {
        this.users = directory.users();
        for (User user : users) {
            byId.put(user.id().toLowerCase(Locale.ROOT), user);
            byUserPrincipalName.put(user.userPrincipalName().toLowerCase(Locale.ROOT), user);
        }
    }

    public List<User> users() {
        return users;
    }

    /** @param key an object id or a userPrincipalName */
    public Optional<User> user(String key) {
        String folded = key.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(byId.get(folded)).or(() -> Optional.ofNullable(byUserPrincipalName.get(folded)));
    }

    public Optional<User> userById(String id) {
        return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * The key a directory-object bind URL names: {@code users('key')} or {@code users/key} (id or
     * userPrincipalName), or {@code directoryObjects/id}, the form Graph's group docs also use.
     */
    public static Optional<String> bindKey(String url) {
        return ODataPath.bindKey(url, "users").or(() -> ODataPath.bindKey(url, "directoryObjects"));
    }

    /** The user a bind URL names; empty when the URL names nobody in this directory. */
    public Optional<User> bound(String url) {
        Optional<String> userKey = ODataPath.bindKey(url, "users");
        if (userKey.isPresent()) {
            return user(userKey.get());
        }
        // directoryObjects are keyed by object id only.
        return ODataPath.bindKey(url, "directoryObjects").flatMap(this::userById);
    }
}
