package org.cairn.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients switch on problem types, so the list in {@code docs/foundation.md} is API documentation: every type a
 * feature declares is listed there with its status and owner, and nothing is listed that no feature declares.
 */
class ProblemTypesDocumentedTests {

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (\\d{3}) \\| `(\\w+)` \\|");

	@Test
	void everyDeclaredProblemTypeIsDocumentedWithItsStatusAndNothingElseIs() throws IOException {
		assertThat(documented()).isEqualTo(declared());
	}

	@Test
	void noTwoFeaturesDeclareTheSameSlug() {
		List<String> slugs = types().stream().map(ProblemType::slug).toList();
		assertThat(slugs).doesNotHaveDuplicates();
	}

	@Test
	void theTypeUriIsTheSlugUnderCairnsUrn() {
		ProblemException problem = new ProblemException(CommonProblem.MALFORMED_REQUEST, "Malformed request", "x");
		assertThat(problem.toProblemDetail().getType()).hasToString("urn:cairn:problem:malformed-request");
		assertThat(problem.toProblemDetail().getStatus()).isEqualTo(400);
	}

	/** slug → "status owner", from the enums on the class path. */
	private static Map<String, String> declared() {
		Map<String, String> declared = new LinkedHashMap<>();
		for (ProblemType type : types()) {
			declared.put(type.slug(), type.status().value() + " " + type.getClass().getSimpleName());
		}
		return sorted(declared);
	}

	/** slug → "status owner", from the table under "## Problem types". */
	private static Map<String, String> documented() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docs/foundation.md"));
		int start = lines.indexOf("## Problem types");
		assertThat(start).as("docs/foundation.md has a \"## Problem types\" section").isNotNegative();
		Map<String, String> documented = new LinkedHashMap<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				assertThat(documented.put(row.group(1), row.group(2) + " " + row.group(3)))
					.as("documented once: " + row.group(1))
					.isNull();
			}
		}
		return sorted(documented);
	}

	private static List<ProblemType> types() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(ProblemType.class));
		List<ProblemType> types = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.cairn")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			assertThat(type.isEnum()).as(type + " lists its problem types as enum constants").isTrue();
			types.addAll(Arrays.stream(type.getEnumConstants()).map(ProblemType.class::cast).toList());
		}
		assertThat(types).isNotEmpty();
		return types;
	}

	private static Map<String, String> sorted(Map<String, String> map) {
		return new java.util.TreeMap<>(map);
	}

}
