package org.teamsprovisioner.api;

import java.util.List;

/** @param next cursor for the following page; null on the last page */
record TeamRequestPage(List<TeamRequestView> items, String next) {
}
