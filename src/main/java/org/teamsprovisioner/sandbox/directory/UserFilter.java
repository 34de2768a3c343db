package org.teamsprovisioner.sandbox.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;
import org.teamsprovisioner.sandbox.http.DirectoryErrors;
import org.teamsprovisioner.sandbox.http.GraphException;

/**
 * The {@code $filter} of List users that resolves many users in one call: equality and
 * {@code in} on {@code id} and {@code userPrincipalName}, joined by {@code or}, e.g.
 * {@code userPrincipalName in ('alice@contoso.com','bob@contoso.com')}.
 *
 * <p>What Microsoft documents, and the sandbox therefore enforces:
 * <ul>
 * <li>The user resource's property table: {@code id} "Supports $filter (eq, ne, NOT, in)",
 *     {@code userPrincipalName} "Supports $filter (eq, ne, NOT, ge, le, in, startsWith,
 *     endsWith)". Both are String properties, so the values are quoted OData string literals
 *     ({@code ''} is a quote). {@code eq} and {@code in} work without advanced query parameters
 *     (the advanced-queries doc lists {@code ne}, {@code NOT} and {@code endsWith} as the ones
 *     that need them).</li>
 * <li>Known issues, "Some limitations apply to query parameters": "When using the in operator,
 *     the request is limited to 15 expressions in the filter clause by default OR a URL length of
 *     2,048 characters when using advanced query capabilities" (ConsistencyLevel: eventual and
 *     $count=true, per "Advanced query capabilities on directory objects").</li>
 * <li>The error past 15 is Entra's {@code 400 Request_UnsupportedQuery} "Too many child clauses
 *     specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.",
 *     as reported in microsoftgraph/microsoft-graph-docs issue 21098 for 16 values of {@code in};
 *     each value of {@code in} and each {@code or}-ed comparison is one clause.</li>
 * </ul>
 * Directory string comparison ignores case, as for Get user. Anything else is
 * {@code Request_UnsupportedQuery} naming what the sandbox supports.
 */
final class UserFilter {

    /** "limited to 15 expressions in the filter clause by default" (Graph known issues). */
    static final int MAX_EXPRESSIONS = 15;

    /** "a URL length of 2,048 characters when using advanced query capabilities" (Graph known issues). */
    static final int MAX_ADVANCED_URL_LENGTH = 2048;

    private enum Property {
        ID, USER_PRINCIPAL_NAME
    }

    /** One comparison: a property against one or more values (one for eq). */
    private record Clause(Property property, List<String> values) {

        boolean matches(User user) {
            String actual = property == Property.ID ? user.id() : user.userPrincipalName();
            return values.stream().anyMatch(actual::equalsIgnoreCase);
        }
    }

    private final String text;
    private int position;

    private UserFilter(String text) {
        this.text = text;
    }

    /**
     * @param advanced whether the request carries the advanced query parameters
     *        (ConsistencyLevel: eventual and $count=true)
     * @param urlLength the request URL's length as sent, for the advanced-query limit
     * @throws GraphException 400 for a malformed, unsupported or too large filter
     */
    static Predicate<User> parse(String filter, boolean advanced, int urlLength) {
        List<Clause> clauses = new UserFilter(filter).clauses();
        int expressions = clauses.stream().mapToInt(clause -> clause.values().size()).sum();
        if (!advanced && expressions > MAX_EXPRESSIONS) {
            throw DirectoryErrors.unsupportedQuery("Too many child clauses specified in search filter expression"
                    + " containing 'OR' operators: " + expressions + ". Max allowed: " + MAX_EXPRESSIONS + ".");
        }
        if (advanced && urlLength > MAX_ADVANCED_URL_LENGTH) {
            // Graph documents the limit, not its error; this wording is the sandbox's.
            throw DirectoryErrors.unsupportedQuery("The request URL is " + urlLength + " characters long; with"
                    + " advanced query parameters (ConsistencyLevel: eventual, $count=true) a filter with 'in' is"
                    + " limited to a URL of " + MAX_ADVANCED_URL_LENGTH + " characters.");
        }
        return user -> clauses.stream().anyMatch(clause -> clause.matches(user));
    }

    private List<Clause> clauses() {
        List<Clause> clauses = new ArrayList<>();
        clauses.add(clause());
        while (position < text.length()) {
            if (text.charAt(position) != ' ') {
                // userPrincipalName eq 'o'brien@contoso.com': a quote that should have been doubled.
                throw malformed("the string literal ends before '" + text.substring(position) + "'");
            }
            if (skipSpaces() < text.length()) {
                if (!keyword("or")) {
                    throw unsupported();
                }
                clauses.add(clause());
            }
        }
        return clauses;
    }

    private Clause clause() {
        skipSpaces();
        String name = word();
        Property property = switch (name.toLowerCase(Locale.ROOT)) {
            case "id" -> Property.ID;
            case "userprincipalname" -> Property.USER_PRINCIPAL_NAME;
            default -> throw unsupported();
        };
        skipSpaces();
        if (keyword("eq")) {
            skipSpaces();
            return new Clause(property, List.of(literal()));
        }
        if (!keyword("in")) {
            throw unsupported();
        }
        skipSpaces();
        expect('(');
        List<String> values = new ArrayList<>();
        do {
            skipSpaces();
            values.add(literal());
            skipSpaces();
        }
        while (accept(','));
        expect(')');
        return new Clause(property, values);
    }

    /** An OData string literal: {@code 'o''brien@contoso.com'} is {@code o'brien@contoso.com}. */
    private String literal() {
        expect('\'');
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw malformed("the string literal is not terminated");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                if (position < text.length() && text.charAt(position) == '\'') {
                    value.append('\'');
                    position++;
                    continue;
                }
                return value.toString();
            }
            value.append(c);
        }
    }

    private String word() {
        int start = position;
        while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw unsupported();
        }
        return text.substring(start, position);
    }

    /** A keyword followed by a space or an opening parenthesis, any case. */
    private boolean keyword(String keyword) {
        int end = position + keyword.length();
        if (end <= text.length() && text.regionMatches(true, position, keyword, 0, keyword.length())
                && (end == text.length() || text.charAt(end) == ' ' || text.charAt(end) == '(')) {
            position = end;
            return true;
        }
        return false;
    }

    private int skipSpaces() {
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        return position;
    }

    private boolean accept(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            // A quote where none belongs is usually an undoubled one, as in 'o'brien@contoso.com'.
            throw malformed(position < text.length() ? "'" + c + "' expected at position " + position
                    : "'" + c + "' expected at the end");
        }
    }

    private GraphException malformed(String problem) {
        return DirectoryErrors.badRequest("Invalid filter clause: in '" + text + "' " + problem
                + "; write a quote inside a string literal twice ('').");
    }

    private GraphException unsupported() {
        return DirectoryErrors.unsupportedQuery("Unsupported query: $filter=" + text + ". The sandbox supports, on"
                + " /users, id and userPrincipalName with eq '...' or in ('...', ...), joined by or.");
    }
}
