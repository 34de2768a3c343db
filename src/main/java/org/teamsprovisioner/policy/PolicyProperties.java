package org.teamsprovisioner.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The organisation's rules for new teams; see docs/policy.md for a full example. The defaults are
 * permissive: only Graph's own limits apply until an organisation configures more.
 *
 * @param naming how a team's display name is built and what it may contain
 * @param owners who may own a team
 * @param members who may be a member
 * @param templates which Teams templates portals may ask for
 * @param visibility which visibilities portals may ask for
 * @param channels channel count and names
 * @param lockedSettings team settings forced on every team; a request may not set them otherwise
 * @param apps Teams apps installed in every team
 * @param creationMode {@code direct}: {@code POST /teams}; {@code group-first}: {@code POST /groups}
 *     with a deterministic mailNickname, then {@code POST /teams} bound to the group
 */
@Validated
@ConfigurationProperties("provisioner.policy")
public record PolicyProperties(
        @Valid @NotNull @DefaultValue Naming naming,
        @Valid @NotNull @DefaultValue Owners owners,
        @Valid @NotNull @DefaultValue Members members,
        @Valid @NotNull @DefaultValue Templates templates,
        @Valid @NotNull @DefaultValue Visibility visibility,
        @Valid @NotNull @DefaultValue Channels channels,
        @NotNull @DefaultValue LockedSettings lockedSettings,
        @Valid @NotNull @DefaultValue Apps apps,
        @NotNull @DefaultValue("direct") CreationMode creationMode) {

    /**
     * Modelled on Microsoft Entra's group naming policy.
     *
     * @param prefix fixed text and attributes of the requester's directory profile, e.g.
     *     {@code GRP-[Department]-}; attributes: [Department] [Company] [Office] [StateOrProvince]
     *     [CountryOrRegion] [Title]
     * @param suffix as {@code prefix}, appended
     * @param blockedWords words that may not appear in the requested name (whole words, any case)
     * @param maxLength longest final display name (prefix + name + suffix); Microsoft 365 groups allow 256
     * @param disallowedCharacters characters that may not appear in the requested name
     */
    public record Naming(
            @DefaultValue("") String prefix,
            @DefaultValue("") String suffix,
            @DefaultValue List<String> blockedWords,
            @Min(1) @Max(256) @DefaultValue("256") int maxLength,
            @DefaultValue("") String disallowedCharacters) {
    }

    /**
     * @param min fewest owners (Microsoft recommends at least 2, so a team survives one owner leaving)
     * @param max most owners (a Microsoft 365 group allows 100)
     * @param requireRequester whether the caller must be one of the owners
     */
    public record Owners(
            @Min(1) @DefaultValue("1") int min,
            @Min(1) @Max(100) @DefaultValue("100") int max,
            @DefaultValue("false") boolean requireRequester) {
    }

    /**
     * @param max most members in one request (owners not counted)
     * @param allowGuests whether guest users (userType Guest) may be members
     */
    public record Members(
            @Min(0) @DefaultValue("1000") int max,
            @DefaultValue("true") boolean allowGuests) {
    }

    /**
     * @param allowed template ids portals may ask for
     * @param defaultTemplate template used when a request names none (key {@code templates.default})
     */
    public record Templates(
            @NotEmpty @DefaultValue({"standard", "educationClass", "educationStaff", "educationProfessionalLearningCommunity",
                    "retailStore", "retailManagerCollaboration", "healthcareWard", "healthcareHospital"}) List<String> allowed,
            // "default" is a Java keyword, hence the different component name.
            @NotBlank @DefaultValue("standard") @Name("default") String defaultTemplate) {
    }

    /**
     * @param allowed visibilities portals may ask for ({@code private}, {@code public})
     * @param defaultVisibility visibility used when a request names none (key {@code visibility.default})
     */
    public record Visibility(
            @NotEmpty @DefaultValue({"private", "public"}) List<String> allowed,
            @NotBlank @DefaultValue("private") @Name("default") String defaultVisibility) {
    }

    /**
     * @param max most channels a request may ask for (Teams allows 200 per team, General included)
     * @param required channels every team gets; added when a request lacks them
     * @param forbidden channel names a request may not use (any case)
     */
    public record Channels(
            @Min(0) @Max(199) @DefaultValue("25") int max,
            @DefaultValue List<String> required,
            @DefaultValue List<String> forbidden) {
    }

    /**
     * Values of Graph's team settings, by settings group and property name as Graph spells them,
     * e.g. {@code guest-settings: {allowCreateUpdateChannels: false}}.
     */
    public record LockedSettings(
            @DefaultValue Map<String, String> memberSettings,
            @DefaultValue Map<String, String> guestSettings,
            @DefaultValue Map<String, String> messagingSettings,
            @DefaultValue Map<String, String> funSettings,
            @DefaultValue Map<String, String> discoverySettings) {
    }

    /** @param alwaysInstalled Teams app catalog ids installed in every team */
    public record Apps(@DefaultValue List<String> alwaysInstalled) {
    }

    public enum CreationMode {
        DIRECT, GROUP_FIRST;

        /** As written in configuration and stored with a request: {@code direct}, {@code group-first}. */
        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
