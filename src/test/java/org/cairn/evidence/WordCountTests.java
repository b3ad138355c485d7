package org.cairn.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word rule, case by case, from the table the web app's counter is tested against too
 * ({@code frontend/src/features/evidence/words.test.ts}): a teacher's counter and the service's verdict agree.
 */
class WordCountTests {

	record Case(String text, int words, String why) {
	}

	static Stream<Case> cases() throws IOException {
		try (InputStream in = WordCountTests.class.getResourceAsStream("word-count-cases.json")) {
			return JsonMapper.builder().build().readValue(in, new tools.jackson.core.type.TypeReference<List<Case>>() {
			}).stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void countsAsAReaderWould(Case c) {
		assertThat(WordCount.of(c.text())).as(c.why()).isEqualTo(c.words());
	}

}
