package org.cairn.verification;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared reference data (1EdTech's Open Badges 2.0 fixtures): {@code cairn.shared-dir}, else {@code ../shared}
 * from the project, else {@code /work/shared}. Tests needing it are skipped, with the reason, when it is absent.
 */
final class SharedFixtures {

	private SharedFixtures() {
	}

	static Path ob20() {
		Path shared = sharedDir();
		Assumptions.assumeTrue(shared != null,
				"Shared fixtures not found (set cairn.shared-dir, or provide ../shared or /work/shared)");
		Path fixtures = shared.resolve("fixtures/ob20-1edtech");
		Assumptions.assumeTrue(Files.isDirectory(fixtures), "No fixtures/ob20-1edtech in " + shared);
		return fixtures;
	}

	private static Path sharedDir() {
		String configured = System.getProperty("cairn.shared-dir");
		if (configured != null && Files.isDirectory(Path.of(configured))) {
			return Path.of(configured);
		}
		for (Path candidate : new Path[] { Path.of("..", "shared"), Path.of("/work/shared") }) {
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
