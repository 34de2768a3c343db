package org.teamsprovisioner.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A naming-policy prefix or suffix: fixed text and attributes of the requester's directory profile,
 * in the syntax of Microsoft Entra's group naming policy ({@code GRP-[Department]-}).
 */
final class NameTemplate {

    /** Entra's naming-policy attributes and the Graph user properties behind them. */
    static final Map<String, Function<DirectoryUser, String>> ATTRIBUTES = Map.of(
            "Department", DirectoryUser::department,
            "Company", DirectoryUser::companyName,
            "Office", DirectoryUser::officeLocation,
            "StateOrProvince", DirectoryUser::state,
            "CountryOrRegion", DirectoryUser::country,
            "Title", DirectoryUser::jobTitle);

    private static final Pattern ATTRIBUTE = Pattern.compile("\\[([A-Za-z]+)]");

    private final String template;
    private final List<String> attributes = new ArrayList<>();

    NameTemplate(String template) {
        this.template = template == null ? "" : template;
        Matcher matcher = ATTRIBUTE.matcher(this.template);
        while (matcher.find()) {
            String attribute = matcher.group(1);
            if (!ATTRIBUTES.containsKey(attribute)) {
                throw new IllegalArgumentException("Unknown naming-policy attribute [" + attribute + "] in '" + template
                        + "'; use one of " + ATTRIBUTES.keySet());
            }
            attributes.add(attribute);
        }
    }

    boolean usesAttributes() {
        return !attributes.isEmpty();
    }

    String template() {
        return template;
    }

    /** The attributes this template needs that the profile lacks (blank counts as missing). */
    List<String> missing(DirectoryUser profile) {
        return attributes.stream().filter(attribute -> isBlank(profile == null ? null : ATTRIBUTES.get(attribute).apply(profile))).toList();
    }

    /** The text with every attribute replaced; call only when {@link #missing} is empty. */
    String resolve(DirectoryUser profile) {
        Matcher matcher = ATTRIBUTE.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(ATTRIBUTES.get(matcher.group(1)).apply(profile).strip()));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
