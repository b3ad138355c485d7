package org.cairn.account;

/**
 * Published after a person of the district chose their language (or went back to the browser's): what is written
 * in the recipient's language and kept (their certificates, held in memory by issuing) is out of date.
 */
public record LanguageChosen(String districtId, String personId) {
}
