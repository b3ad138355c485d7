package org.cairn.practice;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A piece a reader saved. {@code id} is {@code personId|pieceId}, so saving twice saves once; a withdrawn piece
 * drops out of the list when it is read.
 */
@Document("practice_saved")
@CompoundIndex(name = "person_saved", def = "{'personId': 1, 'savedAt': -1}")
record SavedPiece(@Id String id, String personId, String pieceId, Instant savedAt) {

	static String id(String personId, String pieceId) {
		return personId + "|" + pieceId;
	}

}
