/**
 * The Open Badges 2.0 vocabulary: framework-neutral records for Issuer Profile, BadgeClass, Assertion,
 * CryptographicKey and RevocationList, and the conventions every feature shares about them (context URL, baking
 * keywords, certificate attachment names). Issuing maps the domain into these; verification reads them back.
 */
package org.cairn.openbadges;
