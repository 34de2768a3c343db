package org.teamsprovisioner.policy;

import java.util.Comparator;
import java.util.List;
import org.teamsprovisioner.request.Violation;

/** Orders violations as the fields appear in a request body, so portals can show them top to bottom. */
final class Violations {

    private static final List<String> FIELD_ORDER = List.of("displayName", "description", "visibility", "template", "owners",
            "members", "channels", "settings", "existingGroupId");

    private Violations() {
    }

    static List<Violation> ordered(List<Violation> violations) {
        // List.sort is stable: violations of the same field and index keep the order they were found in.
        return violations.stream().sorted(Comparator.comparingInt(Violations::fieldRank).thenComparingInt(Violations::index)).toList();
    }

    private static int fieldRank(Violation violation) {
        int rank = FIELD_ORDER.indexOf(segment(violation.field(), 1));
        return rank < 0 ? FIELD_ORDER.size() : rank;
    }

    private static int index(Violation violation) {
        String second = segment(violation.field(), 2);
        return second != null && second.chars().allMatch(Character::isDigit) && !second.isEmpty() ? Integer.parseInt(second) : -1;
    }

    private static String segment(String pointer, int position) {
        String[] segments = pointer.split("/");
        return segments.length > position ? segments[position] : null;
    }
}
