package org.cairn.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under {@code badge-templates/} parses, passes the same rules the API applies, and carries what an
 * Open Badges 2.0 BadgeClass needs (name, description, image, criteria).
 */
class BadgeTemplatesGuardTests extends IntegrationTest {

	private static final Path ROOT = Path.of("badge-templates");

	@Autowired
	JsonMapper json;

	@Autowired
	TemplateRules rules;

	@Autowired
	Frameworks frameworks;

	@Test
	void holdsOnlyFrameworksLibraryAndArtwork() throws IOException {
		try (Stream<Path> top = Files.list(ROOT)) {
			assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("frameworks", "library",
					"artwork");
		}
		assertThat(files("frameworks")).allMatch(p -> p.toString().endsWith(".json"));
		assertThat(files("library")).allMatch(p -> p.toString().endsWith(".json"));
		assertThat(files("artwork")).allMatch(p -> p.toString().endsWith(".svg"));
	}

	@Test
	void everyFrameworkFileIsCompleteWithUniqueCodes() throws IOException {
		Set<String> allCodes = new HashSet<>();
		for (Path file : files("frameworks")) {
			Framework f = json.readValue(Files.readAllBytes(file), Framework.class);
			assertThat(f.code()).as(file + " code").isNotBlank();
			assertThat(f.name()).as(file + " name").isNotBlank();
			assertThat(TemplateRules.isWebUrl(f.url())).as(file + " url").isTrue();
			assertThat(f.entries()).as(file + " entries").isNotEmpty();
			for (Framework.Entry e : f.entries()) {
				String at = file.getFileName() + " " + e.code();
				assertThat(e.code()).as(at).startsWith(f.code() + ".");
				assertThat(allCodes.add(e.code())).as(at + " is unique").isTrue();
				assertThat(e.name()).as(at + " name").isNotBlank();
				assertThat(e.kind()).as(at + " kind").isNotNull();
				assertThat(e.description()).as(at + " description").hasSizeBetween(20, 300);
				assertThat(TemplateRules.isWebUrl(e.url())).as(at + " url").isTrue();
				for (String component : e.components()) {
					assertThat(f.entry(component)).as(at + " draws on " + component)
						.hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(Framework.Kind.COMPONENT));
				}
			}
		}
	}

	@Test
	void frameworksHoldTheStandardsTheBriefNames() {
		assertThat(frameworks.builtIn("LF2011").orElseThrow().entries()).hasSize(7);
		Framework lf2022 = frameworks.builtIn("LF2022").orElseThrow();
		assertThat(lf2022.entries().stream().filter(e -> e.kind() == Framework.Kind.STANDARD)).hasSize(11);
		assertThat(lf2022.entries()
			.stream()
			.filter(e -> e.kind() == Framework.Kind.STANDARD)
			.map(Framework.Entry::group)
			.distinct()).containsExactly(
				"Rigorous Content for Each Learner", "Transformational Processes", "Conditions for Success");
		Framework fft = frameworks.builtIn("FFT").orElseThrow();
		assertThat(fft.entries().stream().filter(e -> e.kind() == Framework.Kind.DOMAIN)).hasSize(4);
		assertThat(fft.entries().stream().filter(e -> e.kind() == Framework.Kind.COMPONENT)).hasSize(22);
		assertThat(fft.entries().stream().filter(e -> e.kind() == Framework.Kind.CLUSTER)).hasSize(6);
		assertThat(fft.entry("FFT.C2").orElseThrow().name())
			.isEqualTo("A Safe, Respectful, Supportive, and Challenging Learning Environment");
		assertThat(frameworks.builtIn("FFT2022").orElseThrow().entries()).hasSize(26);
		assertThat(frameworks.builtIn("ISTE-E").orElseThrow().entries())
			.filteredOn(e -> e.kind() == Framework.Kind.STANDARD)
			.hasSize(7);
		assertThat(frameworks.builtIn("ISTE-C").orElseThrow().entries())
			.filteredOn(e -> e.kind() == Framework.Kind.STANDARD)
			.hasSize(7);
	}

	@Test
	void everyLibraryFileIsValidAndCarriesWhatABadgeClassNeeds() throws IOException {
		List<Path> library = files("library");
		assertThat(library).hasSizeGreaterThanOrEqualTo(10);
		for (Path file : library) {
			LibraryEntry entry = json.readValue(Files.readAllBytes(file), LibraryEntry.class);
			String name = file.getFileName().toString();
			assertThat(entry.key() + ".json").as("key matches the file name").isEqualTo(name);
			Path artwork = ROOT.resolve("artwork").resolve(entry.artworkFile());
			assertThat(artwork).as(name + " artwork").exists();
			TemplateContent content = entry.template()
				.withArtwork(Artwork.svgDataUri(Files.readAllBytes(artwork)));
			assertThat(rules.check(content)).as(name + " passes the template rules").isEmpty();
			if (content.validFor() != null) {
				// a badge that expires can be renewed by its teacher (issue 17): a shorter renewal tier
				assertThat(content.renewal()).as(name + " has a renewal path").isNotNull();
				assertThat(content.renewal().kind()).isEqualTo(RenewalPath.Kind.TIER);
				assertThat(content.renewal().tier().requirements()).as(name + " renewal tier asks for evidence")
					.isNotEmpty();
			}
			// Open Badges 2.0 BadgeClass: name, description, image, criteria.
			assertThat(content.title()).as(name + " name").isNotBlank();
			assertThat(content.summary()).as(name + " description").isNotBlank();
			assertThat(content.artwork()).as(name + " image").startsWith("data:image/svg+xml;base64,");
			assertThat(content.criteria()).as(name + " criteria").isNotBlank();
			for (Alignment a : content.alignments()) {
				assertThat(frameworks.builtInNamed(a.targetFramework()).flatMap(f -> f.entry(a.targetCode())))
					.as(name + " aligns to a known entry " + a.targetCode())
					.isPresent();
			}
		}
	}

	@Test
	void everyArtworkFileIsSafeSvgUsedByTheLibrary() throws IOException {
		Set<String> used = new HashSet<>();
		for (Path file : files("library")) {
			used.add(json.readValue(Files.readAllBytes(file), LibraryEntry.class).artworkFile());
		}
		for (Path file : files("artwork")) {
			assertThat(Artwork.problem(Artwork.svgDataUri(Files.readAllBytes(file)))).as(file.toString()).isEmpty();
			assertThat(used).as(file + " is used").contains(file.getFileName().toString());
		}
	}

	private static List<Path> files(String folder) throws IOException {
		try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
			return files.sorted().toList();
		}
	}

}
