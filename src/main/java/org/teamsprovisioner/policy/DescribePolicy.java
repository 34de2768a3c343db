package org.teamsprovisioner.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Mono;

/** The policy as a portal needs it to guide a user: limits, choices, and the name parts as they resolve for them. */
@Service
public class DescribePolicy {

    private final OrgPolicy policy;
    private final RequesterProfiles profiles;

    DescribePolicy(OrgPolicy policy, RequesterProfiles profiles) {
        this.policy = policy;
        this.profiles = profiles;
    }

    public Mono<EffectivePolicy> forCaller(Caller requester) {
        Mono<Optional<DirectoryUser>> profile = policy.usesRequesterProfile() ? profiles.of(requester) : Mono.just(Optional.empty());
        return profile.map(found -> describe(found.orElse(null)));
    }

    private EffectivePolicy describe(DirectoryUser profile) {
        PolicyProperties p = policy.properties;
        OrgPolicy.NameParts parts = policy.nameParts(profile);
        Integer room = parts.missing().isEmpty()
                ? Math.max(0, p.naming().maxLength() - parts.prefix().length() - parts.suffix().length()) : null;
        return new EffectivePolicy(
                new EffectivePolicy.Naming(parts.prefix(), parts.suffix(), p.naming().prefix(), p.naming().suffix(), parts.missing(),
                        p.naming().maxLength(), room, p.naming().disallowedCharacters(), policy.blockedWords.size()),
                new EffectivePolicy.Owners(p.owners().min(), p.owners().max(), p.owners().requireRequester()),
                new EffectivePolicy.Members(p.members().max(), p.members().allowGuests()),
                new EffectivePolicy.Choices(p.templates().allowed(), p.templates().defaultTemplate()),
                new EffectivePolicy.Choices(p.visibility().allowed(), p.visibility().defaultVisibility().toLowerCase(Locale.ROOT)),
                new EffectivePolicy.Channels(p.channels().max(), policy.requiredChannels(), p.channels().forbidden()),
                policy.lockedSettings, p.apps().alwaysInstalled(),
                p.creationMode().wireValue());
    }

    /**
     * @param naming {@code prefix}/{@code suffix} as they resolve for the caller (null when an
     *     attribute is missing, listed in {@code missingAttributes}); {@code maxNameLength} is what
     *     is left for the name itself
     */
    public record EffectivePolicy(Naming naming, Owners owners, Members members, Choices templates, Choices visibility,
            Channels channels, Map<String, Map<String, Object>> lockedSettings, List<String> alwaysInstalledApps,
            String creationMode) {

        public record Naming(String prefix, String suffix, String prefixTemplate, String suffixTemplate,
                List<String> missingAttributes, int maxLength, Integer maxNameLength, String disallowedCharacters,
                int blockedWordCount) {
        }

        public record Owners(int min, int max, boolean requireRequester) {
        }

        public record Members(int max, boolean allowGuests) {
        }

        public record Choices(List<String> allowed, String defaultValue) {
        }

        public record Channels(int max, List<String> required, List<String> forbidden) {
        }
    }
}
