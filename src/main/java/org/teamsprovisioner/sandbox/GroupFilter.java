package org.teamsprovisioner.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} of GET /groups that the sandbox understands: equality on
 * {@code displayName} or {@code mailNickname}, the two lookups a provisioner needs to find a
 * group it may have created before. The value is an OData string literal, in which a quote is
 * written twice ({@code displayName eq 'O''Brien team'}); directory string comparison is
 * case-insensitive, as in Entra ID. Anything else is answered {@code Request_UnsupportedQuery}
 * naming what the sandbox does support, so the gap is obvious rather than silently wrong.
 */
final class GroupFilter {

    private static final Pattern EQUALS = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'((?:[^']|'')*)'\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern UNTERMINATED = Pattern.compile("^\\s*\\w+\\s+eq\\s+'((?:[^']|'')*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, Function<SandboxGroup, String>> PROPERTIES = Map.of(
            "displayname", SandboxGroup::displayName,
            "mailnickname", SandboxGroup::mailNickname);

    private GroupFilter() {
    }

    /** @throws GraphException 400 for a malformed or unsupported filter */
    static Predicate<SandboxGroup> parse(String filter) {
        Matcher equals = EQUALS.matcher(filter);
        if (!equals.matches()) {
            if (UNTERMINATED.matcher(filter).matches()) {
                throw DirectoryErrors.badRequest("Invalid filter clause: the string literal in '" + filter
                        + "' is not terminated; write a quote inside it twice ('').");
            }
            throw unsupported(filter);
        }
        Function<SandboxGroup, String> property = PROPERTIES.get(equals.group(1).toLowerCase(Locale.ROOT));
        if (property == null) {
            throw unsupported(filter);
        }
        String value = equals.group(2).replace("''", "'");
        return group -> value.equalsIgnoreCase(property.apply(group));
    }

    private static GraphException unsupported(String filter) {
        return DirectoryErrors.unsupportedQuery("Unsupported query: $filter=" + filter + ". The sandbox supports"
                + " displayName eq '...' and mailNickname eq '...' on /groups.");
    }
}
