package org.cairn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages as Spring Modulith sees them: no cycles, and no feature reaching into another's internals
 * (sub-packages, or types not published as top-level public types), exceptions only where a module's
 * {@code package-info.java} declares them. Also keeps {@code docs/modules} (the C4 component diagram and one canvas
 * per module) in step with the code: the test regenerates it, and fails when what was committed differed, so a
 * stale diagram is caught in CI and fixed by running this test once and committing the result. Files are compared
 * by their sorted lines, since the generator's order of relations varies between class paths.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(CairnApplication.class);

	private static final Path DOCS = Path.of("docs", "modules");

	@Test
	void featuresUseOnlyEachOthersPublishedTypesAndDependOnEachOtherWithoutCycles() {
		MODULES.verify();
	}

	@Test
	void theCommittedModuleDocumentationMatchesTheCode() throws IOException {
		Path fresh = Path.of("target", "modules-docs");
		delete(fresh);
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString())).writeDocumentation();
		Map<String, String> generated = contents(fresh);
		Map<String, String> committed = contents(DOCS);
		Set<String> stale = new TreeSet<>(generated.keySet());
		stale.addAll(committed.keySet());
		stale.removeIf(name -> Objects.equals(lines(generated.get(name)), lines(committed.get(name))));
		if (!stale.isEmpty()) {
			delete(DOCS);
			Files.createDirectories(DOCS);
			for (Map.Entry<String, String> file : generated.entrySet()) {
				Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
			}
		}
		assertThat(stale).as("files of docs/modules that were stale and have just been regenerated: review and commit them")
			.isEmpty();
	}

	/**
	 * A file's lines in sorted order: the Documenter writes the same relations in a different order from one class
	 * path to the next, so only what the files say is compared, not where they say it.
	 */
	private static List<String> lines(String content) {
		return content == null ? null : content.lines().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
	}

	private static Map<String, String> contents(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.list(folder)) {
			paths.filter(Files::isRegularFile).forEach(path -> {
				try {
					files.put(path.getFileName().toString(), Files.readString(path));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		return files;
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
