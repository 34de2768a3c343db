package org.teamsprovisioner.sandbox.directory;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.teamsprovisioner.sandbox.http.DirectoryErrors;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.tenant.SandboxGroup;

/**
 * The {@code $filter} of GET /groups that the sandbox understands: equality on
 * {@code displayName} or {@code mailNickname}, the two lookups a provisioner needs to find a
 * group it may have created before. The value is an OData string literal, in which a quote is
 * written twice ({@code displayName eq 'O''Brien team'}); directory string comparison is
 * case-insensitive, as in Entra ID. Anything else is answered {@code Request_UnsupportedQuery}
 * naming what the sandbox does support, so the gap is obvious rather than silently wrong.
 */
final class GroupFilter {

    /** A comparison with a string literal: property, operator, and where the literal starts. */
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Function<SandboxGroup, String>> PROPERTIES = Map.of(
            "displayname", SandboxGroup::displayName,
            "mailnickname", SandboxGroup::mailNickname);

    private GroupFilter() {
    }

    /** @throws GraphException 400 for a malformed or unsupported filter */
    static Predicate<SandboxGroup> parse(String filter) {
        Matcher comparison = COMPARISON.matcher(filter);
        if (!comparison.find()) {
            throw unsupported(filter);
        }
        StringBuilder value = new StringBuilder();
        int i = comparison.end();
        while (true) {
            if (i >= filter.length()) {
                throw malformed(filter, "the string literal is not terminated");
            }
            char c = filter.charAt(i++);
            if (c == '\'') {
                if (i < filter.length() && filter.charAt(i) == '\'') {
                    value.append('\'');
                    i++;
                    continue;
                }
                break;
            }
            value.append(c);
        }
        String rest = filter.substring(i);
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
            // displayName eq 'O'Brien': a quote that should have been doubled.
            throw malformed(filter, "the string literal ends before '" + rest + "'");
        }
        Function<SandboxGroup, String> property = PROPERTIES.get(comparison.group(1).toLowerCase(Locale.ROOT));
        if (property == null || !rest.isBlank()) {
            throw unsupported(filter);
        }
        String expected = value.toString();
        return group -> expected.equalsIgnoreCase(property.apply(group));
    }

    private static GraphException malformed(String filter, String problem) {
        return DirectoryErrors.badRequest("Invalid filter clause: in '" + filter + "' " + problem
                + "; write a quote inside a string literal twice ('').");
    }

    private static GraphException unsupported(String filter) {
        return DirectoryErrors.unsupportedQuery("Unsupported query: $filter=" + filter + ". The sandbox supports"
                + " displayName eq '...' and mailNickname eq '...' on /groups.");
    }
}
