package org.cairn.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.cairn.language.Language;

/**
 * What a certificate shows.
 *
 * @param logo the district logo as a data URI (PNG or JPEG), or null
 * @param alignments one line per aligned standard or cluster, e.g. "Danielson 2a: Creating an environment of respect"
 * @param extras optional lines such as "Stipend: $75.00" or "Estimated hours: 10"
 * @param jws the compact JWS for a signed badge, or null
 * @param a4 A4 paper instead of US Letter
 * @param badgeImage the badge artwork as PNG, or null
 * @param signatoryName who signs for the district, or null for no signature line
 * @param signatoryTitle the signatory's title, or null
 * @param credentialJson the Open Badges 3.0 credential of the same badge, or null until it is issued
 * @param language the language the certificate is written in (its names stay as the district wrote them)
 */
public record CertificateContent(String issuerName, String brandColor, String logo, String recipientName,
		String badgeName, String tierTitle, List<String> alignments, List<String> extras, Instant issuedOn,
		Instant expires, String verificationUrl, String assertionJson, String jws, boolean a4, byte[] badgeImage, String signatoryName,
		String signatoryTitle, String credentialJson, Language language) {

	public CertificateContent {
		alignments = alignments == null ? List.of() : List.copyOf(alignments);
		extras = extras == null ? List.of() : List.copyOf(extras);
		language = language == null ? Language.EN : language;
	}

	/** A certificate in English. */
	public CertificateContent(String issuerName, String brandColor, String logo, String recipientName,
			String badgeName, String tierTitle, List<String> alignments, List<String> extras, Instant issuedOn,
			Instant expires, String verificationUrl, String assertionJson, String jws, boolean a4, byte[] badgeImage,
			String signatoryName, String signatoryTitle, String credentialJson) {
		this(issuerName, brandColor, logo, recipientName, badgeName, tierTitle, alignments, extras, issuedOn, expires,
				verificationUrl, assertionJson, jws, a4, badgeImage, signatoryName, signatoryTitle, credentialJson,
				Language.EN);
	}

	/**
	 * The badge's name as its BadgeClass, mail and portfolio carry it (the rule of {@code Template#badgeName}): the
	 * title, or "title: tier title" for a tier awarded on its own. The document's title, so two tiers' certificates
	 * are told apart in a reader's window and a file list.
	 */
	public String fullBadgeName() {
		return tierTitle == null ? badgeName : badgeName + ": " + tierTitle;
	}

	/**
	 * What the certificate shows, as stable text for its entity tag: the PDF itself carries its creation time, and a
	 * record's own {@code toString} names the image array by identity, which differs on every render.
	 */
	public String fingerprint() {
		String image = badgeImage == null ? "-" : HexFormat.of().formatHex(sha256(badgeImage));
		return String.join("\n", issuerName, brandColor, String.valueOf(logo), recipientName, badgeName,
				String.valueOf(tierTitle), String.join("|", alignments), String.join("|", extras),
				String.valueOf(issuedOn), String.valueOf(expires), verificationUrl, String.valueOf(assertionJson),
				String.valueOf(jws), String.valueOf(a4), image, String.valueOf(signatoryName),
				String.valueOf(signatoryTitle), String.valueOf(credentialJson), language.code());
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
