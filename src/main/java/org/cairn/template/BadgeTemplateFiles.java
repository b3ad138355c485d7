package org.cairn.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads the data shipped in the jar under {@code badge-templates/} (frameworks, library, artwork). */
final class BadgeTemplateFiles {

	private static final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
			BadgeTemplateFiles.class.getClassLoader());

	private BadgeTemplateFiles() {
	}

	/** Every file in a folder matching a pattern such as {@code *.json}, sorted by name so loading is stable. */
	static List<Resource> list(String folder, String pattern) {
		try {
			List<Resource> found = new ArrayList<>(
					List.of(resolver.getResources("classpath*:badge-templates/" + folder + "/" + pattern)));
			found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] read(String folder, String name) {
		Resource resource = resolver.getResource("classpath:badge-templates/" + folder + "/" + name);
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read badge-templates/" + folder + "/" + name, ex);
		}
	}

	static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
