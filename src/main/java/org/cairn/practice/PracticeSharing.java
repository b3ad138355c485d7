package org.cairn.practice;

import org.cairn.account.CairnUser;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The practice library's operations for other features (the demo): share a piece of a teacher's evidence as the
 * teacher would, and set how far a district opens its library. Both are safe to repeat.
 */
@Component
public class PracticeSharing {

	private final PracticeLibrary library;

	PracticeSharing(PracticeLibrary library) {
		this.library = library;
	}

	/** What a teacher says when sharing; {@code noStudentFacesOrNames} is their confirmation. */
	public record Share(String title, String summary, String gradeBand, String subject, boolean anonymous,
			Audience audience, boolean noStudentFacesOrNames) {
	}

	/** Shares the teacher's piece (once its tier passed, or once published); the piece's opaque id. */
	public Mono<String> share(CairnUser teacher, String evidenceId, Share share) {
		return library
			.share(teacher, evidenceId, new PracticeLibrary.Share(share.title(), share.summary(), share.gradeBand(),
					share.subject(), share.anonymous(), share.audience(), share.noStudentFacesOrNames()))
			.map(PracticePiece::id);
	}

	public Mono<Void> open(String districtId, Audience openTo) {
		return library.open(districtId, openTo).then();
	}

}
