package org.cairn.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the built-in framework data to what the publishers' material says. Each expectation below is copied from
 * the source named beside it (also recorded in the framework file's {@code sources}); when a publisher revises its
 * material, this test and the file change together, and the start-up correction carries the change into stored
 * templates.
 */
class FrameworkSourcesTests {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static Framework read(String file) throws IOException {
		return json.readValue(Files.readAllBytes(Path.of("badge-templates/frameworks", file)), Framework.class);
	}

	/**
	 * The Danielson Group's cluster card (2019), as a district's pages built from it list the "Components of Focus"
	 * (https://sites.google.com/wrps.net/wrps-educator-effectiveness/clusters-the-danielson-framework); cluster
	 * names from https://danielsongroup.org/framework/framework-clusters. Cluster 6's components are not on those
	 * pages: Domain 4, as recorded in the file's {@code verification} note.
	 */
	@Test
	void danielsonClustersDrawOnTheComponentsOfTheGroupsClusterCard() throws IOException {
		Framework fft = read("danielson-framework-for-teaching.json");
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("Clarity of Instructional Purpose and Accuracy of Content",
				List.of("1a", "1b", "1c", "1d", "1e", "3a", "3b", "3c"));
		expected.put("A Safe, Respectful, Supportive, and Challenging Learning Environment", List.of("2a", "2b"));
		expected.put("Classroom Management", List.of("2c", "2d", "2e"));
		expected.put("Student Intellectual Engagement", List.of("1e", "2b", "3a", "3b", "3c"));
		expected.put("Successful Learning by All Students",
				List.of("1b", "1d", "1f", "3d", "3e", "4a", "4b", "4c"));
		expected.put("Professionalism", List.of("4a", "4b", "4c", "4d", "4e", "4f"));

		Map<String, List<String>> actual = new LinkedHashMap<>();
		for (int n = 1; n <= 6; n++) {
			Framework.Entry cluster = fft.entry("FFT.C" + n).orElseThrow();
			assertThat(cluster.kind()).isEqualTo(Framework.Kind.CLUSTER);
			actual.put(cluster.name(), cluster.components().stream().map(c -> c.substring("FFT.".length())).toList());
		}
		assertThat(actual).containsExactlyEntriesOf(expected);
		assertThat(fft.edition()).isEqualTo("2013");
		assertThat(fft.entry("FFT.4d").orElseThrow().name()).isEqualTo("Participating in a Professional Community");
		assertThat(fft.sources()).extracting(Framework.Source::url)
			.contains("https://danielsongroup.org/framework/framework-clusters");
	}

	/**
	 * The 2022 edition's renamed domains and components (The Danielson Group; "The Framework for Teaching at a
	 * Glance", ASCD): a framework of its own, same component codes in the same places.
	 */
	@Test
	void theFrameworkForTeaching2022IsItsOwnEditionWithItsRenamedComponents() throws IOException {
		Framework fft2022 = read("danielson-framework-for-teaching-2022.json");
		assertThat(fft2022.code()).isEqualTo("FFT2022");
		assertThat(fft2022.edition()).isEqualTo("2022");
		assertThat(fft2022.entries().stream().filter(e -> e.kind() == Framework.Kind.DOMAIN).map(Framework.Entry::name))
			.containsExactly("Planning and Preparation", "Learning Environments", "Learning Experiences",
					"Principled Teaching");
		assertThat(fft2022.entries().stream().filter(e -> e.kind() == Framework.Kind.COMPONENT))
			.hasSize(22)
			.extracting(Framework.Entry::code)
			.containsExactlyElementsOf(read("danielson-framework-for-teaching.json").entries()
				.stream()
				.filter(e -> e.kind() == Framework.Kind.COMPONENT)
				.map(e -> e.code().replace("FFT.", "FFT2022."))
				.toList());
		assertThat(fft2022.entry("FFT2022.1b").orElseThrow().name()).isEqualTo("Knowing and Valuing Students");
		assertThat(fft2022.entry("FFT2022.2a").orElseThrow().name())
			.isEqualTo("Cultivating Respectful and Affirming Environments");
		assertThat(fft2022.entry("FFT2022.3e").orElseThrow().name()).isEqualTo("Responding Flexibly to Student Needs");
		assertThat(fft2022.entry("FFT2022.4d").orElseThrow().name())
			.isEqualTo("Contributing to School Community and Culture");
		assertThat(fft2022.entry("FFT2022.4f").orElseThrow().name()).isEqualTo("Acting in Service of Students");
		assertThat(fft2022.entry("FFT2022.4d").orElseThrow().alsoKnownAs())
			.containsExactly("Participating in a Professional Community");
	}

	/**
	 * Learning Forward, Standards for Professional Learning (2022): Equity Practices is content, Equity Drivers a
	 * process (https://standards.learningforward.org/…/rigorous-content-for-each-learner/equity-practices; The
	 * Learning Professional, June 2022). Both names of the first frame are kept.
	 */
	@Test
	void learningForward2022PutsEachEquityStandardInItsFrame() throws IOException {
		Framework lf = read("learning-forward-2022.json");
		Map<String, String> frameOf = new LinkedHashMap<>();
		lf.entries()
			.stream()
			.filter(e -> e.kind() == Framework.Kind.STANDARD)
			.forEach(e -> frameOf.put(e.name(), e.group()));
		assertThat(frameOf).hasSize(11)
			.containsEntry("Equity Practices", "Rigorous Content for Each Learner")
			.containsEntry("Curriculum, Assessment, and Instruction", "Rigorous Content for Each Learner")
			.containsEntry("Professional Expertise", "Rigorous Content for Each Learner")
			.containsEntry("Equity Drivers", "Transformational Processes")
			.containsEntry("Evidence", "Transformational Processes")
			.containsEntry("Learning Designs", "Transformational Processes")
			.containsEntry("Implementation", "Transformational Processes")
			.containsEntry("Equity Foundations", "Conditions for Success")
			.containsEntry("Culture of Collaborative Inquiry", "Conditions for Success")
			.containsEntry("Leadership", "Conditions for Success")
			.containsEntry("Resources", "Conditions for Success");
		assertThat(lf.entry("LF2022.RIGOROUS-CONTENT").orElseThrow().alsoKnownAs())
			.contains("Rigorous Content for All Learners");
		// Equity Practices is about knowing students' contexts and building on their assets, not about who takes
		// part in professional learning (what the earlier file said)
		assertThat(lf.entry("LF2022.EQUITY-PRACTICES").orElseThrow().description()).contains("students")
			.contains("families")
			.doesNotContain("every educator can take part");
		assertThat(lf.edition()).isEqualTo("2022");
	}

	/** ISTE Standards for Educators (2017) and for Coaches (2019): every indicator, numbered as ISTE numbers it. */
	@Test
	void isteFrameworksCarryEveryIndicatorWithTheirEdition() throws IOException {
		Framework educators = read("iste-educators.json");
		Framework coaches = read("iste-coaches.json");
		assertThat(educators.edition()).isEqualTo("2017");
		assertThat(coaches.edition()).isEqualTo("2019");
		assertThat(indicatorsPerStandard(educators)).containsExactly(3L, 3L, 4L, 4L, 3L, 4L, 3L);
		assertThat(indicatorsPerStandard(coaches)).containsExactly(5L, 3L, 4L, 4L, 3L, 3L, 4L);
		Framework.Entry first = educators.entry("ISTE-E.2.1.a").orElseThrow();
		assertThat(first.kind()).isEqualTo(Framework.Kind.INDICATOR);
		assertThat(first.group()).isEqualTo("Learner");
		assertThat(coaches.entry("ISTE-C.4.1.e").orElseThrow().group()).isEqualTo("Change Agent");
	}

	private static List<Long> indicatorsPerStandard(Framework f) {
		return f.entries()
			.stream()
			.filter(e -> e.kind() == Framework.Kind.STANDARD)
			.map(s -> f.entries()
				.stream()
				.filter(e -> e.kind() == Framework.Kind.INDICATOR && e.code().startsWith(s.code() + "."))
				.count())
			.toList();
	}

	@Test
	void everyBuiltInFrameworkNamesItsEditionAndSources() throws IOException {
		try (var files = Files.list(Path.of("badge-templates/frameworks"))) {
			for (Path file : files.toList()) {
				Framework f = read(file.getFileName().toString());
				assertThat(f.edition()).as(file + " edition").isNotBlank();
				assertThat(f.sources()).as(file + " sources").isNotEmpty().allSatisfy(s -> {
					assertThat(TemplateRules.isWebUrl(s.url())).as(s.title()).isTrue();
					assertThat(s.edition()).as(s.title()).isNotBlank();
				});
				assertThat(f.verification()).as(file + " verification note").isNotBlank();
			}
		}
	}

}
