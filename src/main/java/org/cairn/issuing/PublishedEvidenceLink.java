package org.cairn.issuing;

/**
 * A piece of evidence published with an assertion.
 *
 * @param publicId 128 random bits, the last segment of its public URL; never the evidence id, so the URL reveals
 * nothing and cannot be guessed from other ids
 */
public record PublishedEvidenceLink(String publicId, String evidenceId) {
}
