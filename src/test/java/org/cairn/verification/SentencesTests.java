package org.cairn.verification;

import org.cairn.language.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: every check has a short title and every outcome a sentence in each language, so a Spanish reader never
 * meets an English sentence (or a raw catalogue key) in a verification report.
 */
class SentencesTests {

	@Test
	void everyCheckHasATitleAndEveryOutcomeASentenceInEachLanguage() {
		for (Language language : Language.values()) {
			for (CheckId id : CheckId.values()) {
				assertThat(Sentences.title(id, language)).as(id.id()).isNotBlank().doesNotContain("verification.");
				for (Outcome outcome : new Outcome[] { Outcome.PASSED, Outcome.FAILED }) {
					Run run = new Run("pat@example.org");
					run.input = InputKind.URL;
					String sentence = Sentences.of(new Check(id, outcome, "technical"), run, language);
					assertThat(sentence).as(id.id() + " " + outcome).isNotBlank().doesNotContain("verification.");
				}
			}
		}
		Run run = new Run(null);
		run.input = InputKind.PNG;
		assertThat(Sentences.of(new Check(CheckId.INPUT_EXTRACT, Outcome.PASSED, ""), run, Language.ES))
			.isEqualTo("La insignia se encontró dentro de la imagen.");
		assertThat(Sentences.of(new Check(CheckId.INPUT_EXTRACT, Outcome.PASSED, ""), run, Language.EN))
			.isEqualTo("The badge was found inside the image.");
	}

	@Test
	void aSkippedChecksReasonIsTranslatedByItsEnglishWords() {
		Run run = new Run(null);
		assertThat(Sentences.of(new Check(CheckId.RECIPIENT_MATCH, Outcome.SKIPPED, "No recipient was given to compare."),
				run, Language.ES)).isEqualTo("No se dio un destinatario para comparar.");
		assertThat(Sentences.of(new Check(CheckId.SIGNATURE_VALID, Outcome.SKIPPED,
				"The verification stopped when badge.retrieval failed."), run, Language.ES))
			.isEqualTo("La verificación se detuvo cuando falló badge.retrieval.");
		assertThat(Sentences.of(new Check(CheckId.RECIPIENT_MATCH, Outcome.SKIPPED, "No recipient was given to compare."),
				run, Language.EN)).isEqualTo("No recipient was given to compare.");
	}

}
