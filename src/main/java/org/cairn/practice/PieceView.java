package org.cairn.practice;

import java.time.Instant;
import java.util.List;

/**
 * A piece as a reader sees it: never the author's or the evidence's id, and no name when the teacher chose to stay
 * anonymous.
 *
 * @param author the teacher's name, or null for an anonymous piece
 * @param mine the reader shared it
 * @param saved the reader saved it
 * @param ownDistrict the piece is from the reader's district (its microcredential can be opened in the catalog)
 * @param contentUrl where its bytes are served (files, reflections and links alike)
 */
record PieceView(String id, String title, String summary, String kind, String text, String url, String fileName,
		String mediaType, Long sizeBytes, String microcredential, String templateId, String tierTitle,
		String requirementTitle, List<PracticePiece.Tag> standards, List<PracticePiece.Tag> clusters, String gradeBand,
		String subject, String author, String districtName, Instant sharedAt, Audience audience, boolean mine,
		boolean saved, boolean ownDistrict, String contentUrl) {

	/** For a signed-in reader. */
	static PieceView of(PracticePiece p, String readerId, String readerDistrict, boolean saved) {
		boolean mine = p.authorId().equals(readerId);
		boolean own = p.districtId().equals(readerDistrict);
		return new PieceView(p.id(), p.title(), p.summary(), p.kind(), p.text(), p.url(), p.fileName(),
				p.mediaType(), p.sizeBytes(), p.microcredential(), own ? p.templateId() : null, p.tierTitle(),
				p.requirementTitle(), p.standards(), p.clusters(), p.gradeBand(), p.subject(), p.authorName(),
				p.districtName(), p.sharedAt(), mine ? p.audience() : null, mine, saved, own,
				"/api/v1/practice/pieces/" + p.id() + "/content");
	}

	/** For anyone, on the public page. */
	static PieceView publicly(PracticePiece p) {
		return new PieceView(p.id(), p.title(), p.summary(), p.kind(), p.text(), p.url(), p.fileName(),
				p.mediaType(), p.sizeBytes(), p.microcredential(), null, p.tierTitle(), p.requirementTitle(),
				p.standards(), p.clusters(), p.gradeBand(), p.subject(), p.authorName(), p.districtName(),
				p.sharedAt(), null, false, false, false, "/api/v1/public/practice/pieces/" + p.id() + "/content");
	}

}
