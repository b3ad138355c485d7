package org.cairn.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text Cairn writes for people, in every language: the {@code i18n/<feature>.properties} files (English, the
 * base) and their {@code _es} siblings, found on the class path so a feature adds its own file without touching
 * this one. Read once: the catalogues are part of the build, the same for every instance and every application
 * context, so one immutable source serves code that has no Spring context at hand (a {@code ProblemException}).
 * Every message is a {@link java.text.MessageFormat} pattern (an apostrophe is written {@code ''});
 * {@code CatalogueTests} keeps the languages' keys and placeholders equal.
 */
public final class Catalogue {

	/** Where the catalogues live; {@code CatalogueTests} reads the same files. */
	public static final String LOCATION = "classpath*:i18n/*.properties";

	private static final ResourceBundleMessageSource SOURCE = load();

	private Catalogue() {
	}

	/** The catalogues as Spring's {@link MessageSource} (also the application context's). */
	public static MessageSource source() {
		return SOURCE;
	}

	/**
	 * The text under {@code key} in the locale's language (English where the language lacks it). Numbers and dates
	 * are formatted by the pattern ({@code {0,number}}, {@code {0,choice,...}}, {@code {0,date,long}}; a plain
	 * {@code {0}} groups digits too, so pass a year or an id as a string).
	 */
	public static String text(Locale locale, String key, Object... args) {
		Object[] written = args == null ? new Object[0] : Arrays.stream(args).map(a -> a == null ? "" : a).toArray();
		return SOURCE.getMessage(key, written, locale);
	}

	/** The base names of every catalogue on the class path ({@code i18n/mail}, {@code i18n/problems}, ...). */
	public static String[] baseNames() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			TreeSet<String> names = new TreeSet<>();
			for (Resource resource : found) {
				String file = Objects.requireNonNull(resource.getFilename());
				String name = file.substring(0, file.length() - ".properties".length());
				if (!name.matches(".*_[a-z]{2}(_[A-Z]{2})?")) {
					names.add("i18n/" + name);
				}
			}
			return names.toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ResourceBundleMessageSource load() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(baseNames());
		source.setDefaultEncoding("UTF-8");
		// English is the base file, whatever the machine's own locale
		source.setFallbackToSystemLocale(false);
		source.setAlwaysUseMessageFormat(true);
		return source;
	}

}
