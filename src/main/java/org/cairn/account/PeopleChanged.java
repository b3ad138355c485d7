package org.cairn.account;

/**
 * Published after a person of the district was created or changed (profile, roles, active, departed): figures kept
 * about the district's people (the reports) are out of date.
 */
public record PeopleChanged(String districtId) {
}
