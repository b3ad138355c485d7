package org.cairn.language;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A language Cairn speaks. English is the catalogues' base and the default; Spanish as written in the United States
 * (es-US: "30 de noviembre de 2026", "$1,250.00"), since Cairn's districts are American.
 */
public enum Language {

	EN("en", Locale.forLanguageTag("en-US"), DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)),
	ES("es", Locale.forLanguageTag("es-US"),
			DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("es-US")));

	/** What {@code Accept-Language} is matched against. */
	private static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	/** The query parameter that chooses a public page's language (the pages' language switch). */
	public static final String PARAMETER = "lang";

	private final String code;

	private final Locale locale;

	private final DateTimeFormatter date;

	Language(String code, Locale locale, DateTimeFormatter date) {
		this.code = code;
		this.locale = locale;
		this.date = date;
	}

	/** "en" or "es": what {@code /api/v1/me} and the {@code lang} parameter carry. */
	public String code() {
		return code;
	}

	public Locale locale() {
		return locale;
	}

	/** The language with this code ("en", "es", any case), or null when Cairn does not speak it (or null given). */
	public static Language of(String code) {
		for (Language language : values()) {
			if (language.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
				return language;
			}
		}
		return null;
	}

	/**
	 * The first of these choices Cairn speaks, else English: for mail and PDFs, the recipient's own choice, then the
	 * district's default.
	 */
	public static Language first(String... choices) {
		for (String choice : choices) {
			Language language = of(choice);
			if (language != null) {
				return language;
			}
		}
		return EN;
	}

	/** The language a request asked for: {@code ?lang=} (a public page's switch), else {@code Accept-Language}. */
	public static Language of(ServerHttpRequest request) {
		Language chosen = of(request.getQueryParams().getFirst(PARAMETER));
		return chosen != null ? chosen : ofAcceptLanguage(request);
	}

	/** The language of {@code Accept-Language} alone (API answers: problems), else English. */
	public static Language ofAcceptLanguage(ServerHttpRequest request) {
		try {
			Locale best = Locale.lookup(request.getHeaders().getAcceptLanguage(), SPOKEN);
			return best == null ? EN : first(best.getLanguage());
		}
		catch (IllegalArgumentException malformed) {
			return EN;
		}
	}

	/** The catalogue's text under {@code key} in this language. */
	public String text(String key, Object... args) {
		return Catalogue.text(locale, key, args);
	}

	/** A date as people write it in this language: "November 30, 2026", "30 de noviembre de 2026". */
	public String date(LocalDate day) {
		return date.format(day);
	}

	/** A moment for a link's deadline: RFC 1123 in English (as mail always said), written out in Spanish, in UTC. */
	public String moment(java.time.Instant at) {
		java.time.OffsetDateTime utc = at.atOffset(java.time.ZoneOffset.UTC);
		return this == EN ? DateTimeFormatter.RFC_1123_DATE_TIME.format(utc)
				: DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy, HH:mm 'UTC'", locale).format(utc);
	}

	/** US dollars from cents: "$1,250.00" in both (es-US writes dollars the American way). */
	public String dollars(long cents) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(Currency.getInstance("USD"));
		return format.format(cents / 100.0);
	}

	/** A number with this language's grouping and decimals (hours: "12.5"). */
	public String number(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}

}
