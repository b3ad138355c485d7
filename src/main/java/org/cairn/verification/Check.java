package org.cairn.verification;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.cairn.language.Language;

/**
 * One named check in a report: the stable {@code id} for experts and clients, its short {@code title}, the
 * {@code outcome}, the technical {@code message} (English), and the {@code sentence} a person reads ("Issued by
 * Cairn Demo District, whose key signed it."). The title and sentence are in the reader's language ({@link #in}):
 * a report is remembered once for every reader, with its sentences in each language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(CheckId id, Outcome outcome, String message, String sentence, String title,
		@JsonIgnore Map<Language, String> sentences) {

	Check(CheckId id, Outcome outcome, String message) {
		this(id, outcome, message, null, null, null);
	}

	Check(CheckId id, Outcome outcome, String message, String sentence) {
		this(id, outcome, message, sentence, null, null);
	}

	/** With its sentence in every language; the English one (and title) shown until {@link #in} chooses. */
	Check withSentences(Map<Language, String> said) {
		return new Check(id, outcome, message, said.get(Language.EN), Sentences.title(id, Language.EN), Map.copyOf(said));
	}

	/** As a reader of the language reads it. */
	Check in(Language language) {
		return sentences == null ? this
				: new Check(id, outcome, message, sentences.get(language), Sentences.title(id, language), sentences);
	}

}
