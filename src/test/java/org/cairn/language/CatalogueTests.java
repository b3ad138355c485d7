package org.cairn.language;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: every text Cairn writes exists in English and Spanish with the same placeholders, and every text is a
 * valid MessageFormat pattern that keeps its apostrophes.
 */
class CatalogueTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	/** A lone apostrophe: MessageFormat would swallow it (and quote the rest of the text). */
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void everyKeyHasASpanishTextWithTheSamePlaceholders() throws IOException {
		String[] baseNames = Catalogue.baseNames();
		assertThat(baseNames).contains("i18n/people", "i18n/issuing", "i18n/problems");
		List<String> problems = new ArrayList<>();
		for (String baseName : baseNames) {
			Properties english = load(baseName + ".properties");
			Properties spanish = load(baseName + "_es.properties");
			if (spanish == null) {
				problems.add(baseName + ": no Spanish catalogue " + baseName + "_es.properties");
				continue;
			}
			for (String key : english.stringPropertyNames()) {
				String es = spanish.getProperty(key);
				if (es == null || es.isBlank()) {
					problems.add(baseName + ": " + key + " has no Spanish text");
				}
				else if (!placeholders(english.getProperty(key)).equals(placeholders(es))) {
					problems.add(baseName + ": " + key + " has placeholders " + placeholders(english.getProperty(key))
							+ " in English but " + placeholders(es) + " in Spanish");
				}
			}
			for (String key : spanish.stringPropertyNames()) {
				if (english.getProperty(key) == null) {
					problems.add(baseName + ": " + key + " is Spanish only (no English base)");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyTextIsAPatternThatKeepsItsApostrophes() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(Catalogue.LOCATION)) {
			Properties texts = load(resource);
			for (String key : texts.stringPropertyNames()) {
				String text = texts.getProperty(key);
				if (LONE_APOSTROPHE.matcher(text).find()) {
					problems.add(resource.getFilename() + ": " + key + " has a lone apostrophe (write '')");
				}
				try {
					new MessageFormat(text);
				}
				catch (IllegalArgumentException ex) {
					problems.add(resource.getFilename() + ": " + key + " is not a valid pattern: " + ex.getMessage());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aSpanishReaderGetsSpanishAndEnglishStaysTheBase() {
		assertThat(Language.ES.text("people.mail.sign-in.subject")).isEqualTo("Su enlace para iniciar sesión en Cairn");
		assertThat(Language.EN.text("people.mail.sign-in.subject")).isEqualTo("Your Cairn sign-in link");
		assertThat(Language.EN.text("review.notice.passed.text", "Tier 1", "Reading"))
			.isEqualTo("Congratulations! Your evidence for Tier 1 of Reading passed review.");
		assertThat(Language.EN.text("transcript.notice.expiring.title", "Reading", 1L))
			.isEqualTo("Your badge \u201cReading\u201d expires in 1 day");
		assertThat(Language.ES.text("transcript.notice.expiring.title", "Lectura", 30L))
			.isEqualTo("Su insignia \u201cLectura\u201d vence en 30 días");
	}

	@Test
	void datesAndMoneyFollowTheLanguage() {
		java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 30);
		assertThat(Language.EN.date(day)).isEqualTo("November 30, 2026");
		assertThat(Language.ES.date(day)).isEqualTo("30 de noviembre de 2026");
		assertThat(Language.EN.dollars(125_050)).isEqualTo("$1,250.50");
		assertThat(Language.ES.dollars(125_050)).contains("1,250.50");
		assertThat(Language.ES.text("transcript.notice.expiring.text", "Lectura", "Parkway",
				Message.of("x", day).args().get(0))).contains("30 de noviembre de 2026");
		assertThat(Language.EN.text("transcript.notice.expiring.text", "Reading", "Parkway",
				Message.of("x", day).args().get(0))).contains("expires on November 30, 2026.");
	}

	private static TreeSet<String> placeholders(String text) {
		TreeSet<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Properties load(String path) throws IOException {
		Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
		return resource.exists() ? load(resource) : null;
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
