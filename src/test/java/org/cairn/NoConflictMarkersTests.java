package org.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A merge that left its conflict markers in a text still compiles when the text is documentation: docs/modules.md
 * carried three unresolved conflicts on main for a whole session. This fails the build instead.
 */
class NoConflictMarkersTests {

	private static final Pattern MARKER = Pattern.compile("(?m)^(<{7} |>{7} |={7}$)");

	private static final List<String> ROOTS = List.of("README.md", "docs", "src/main", "src/test", "frontend/src",
			"frontend/e2e", "badge-templates", "perf", ".ci", "Dockerfile", "pom.xml");

	@Test
	void noFileCarriesAnUnresolvedMergeConflict() throws IOException {
		List<String> marked;
		try (Stream<Path> files = ROOTS.stream().map(Path::of).filter(Files::exists).flatMap(NoConflictMarkersTests::walk)) {
			marked = files.filter(Files::isRegularFile).filter(NoConflictMarkersTests::isText)
				.filter(NoConflictMarkersTests::hasMarker).map(Path::toString).sorted().toList();
		}
		assertThat(marked).as("files with merge-conflict markers").isEmpty();
	}

	private static Stream<Path> walk(Path root) {
		try {
			return Files.walk(root).filter(p -> !p.toString().contains("node_modules"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isText(Path file) {
		String name = file.getFileName().toString();
		return name.matches(".*\\.(md|java|ts|mjs|js|css|html|json|yml|yaml|properties|puml|adoc|sh|py|xml|txt)$")
				|| name.equals("Dockerfile") || name.equals("run");
	}

	private static boolean hasMarker(Path file) {
		try {
			return MARKER.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
		}
		catch (IOException ex) {
			return false; // not UTF-8 text (an image under a text name): nothing a merge would have marked
		}
	}

}
