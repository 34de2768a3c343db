package org.teamsprovisioner.request;

/**
 * How many owners, members and channels one request may list. A list over its limit is reported
 * once, as a whole, and its entries are neither checked one by one nor looked up: a body of 10,000
 * entries costs one violation, not 10,000.
 */
public record ListLimits(int owners, int members, int channels) {

    /**
     * Teams' own: 100 owners (a Microsoft 365 group's limit), 25,000 members ("Number of members in
     * a team") and 999 channels besides General ("Number of channels per team: 1,000", General
     * included; Limits and specifications for Microsoft Teams).
     */
    public static final ListLimits TEAMS = new ListLimits(100, 25_000, 999);

    /** The stricter of these limits and Teams' own, list by list. */
    public ListLimits withinTeams() {
        return new ListLimits(Math.min(owners, TEAMS.owners), Math.min(members, TEAMS.members), Math.min(channels, TEAMS.channels));
    }
}
