package org.cairn.keys;

/** Published after a district's keys change (rotation, revocation) so cached public documents are refreshed. */
public record KeysChanged(String districtId) {
}
