package org.cairn.language;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * A text to be written later, in the reader's language: a catalogue key and its arguments. Stored as it is (an
 * in-app notice), so each reader sees it in their language whenever they read it.
 *
 * @param args strings, numbers (for {@code {0,choice,...}}) and dates (for {@code {0,date,long}})
 */
public record Message(String key, List<Object> args) {

	public Message {
		args = args == null ? List.of() : List.copyOf(args);
	}

	/**
	 * A message; a {@link LocalDate} argument is kept as noon UTC of that day, so {@code {n,date,long}} writes that
	 * day in any server time zone within eleven hours of UTC.
	 */
	public static Message of(String key, Object... args) {
		return new Message(key, Arrays.stream(args)
			.map(a -> a instanceof LocalDate day ? Date.from(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC))
					: a == null ? "" : a)
			.toList());
	}

	/**
	 * A text a district wrote in several languages (a template's English title and its Spanish one) as an argument:
	 * each reader gets theirs. Just the English text when there is no other, so stored notices stay plain strings.
	 */
	public static Object written(String english, String spanish) {
		return spanish == null || spanish.isBlank() || spanish.equals(english) ? english
				: java.util.Map.of(Language.EN.code(), english == null ? "" : english, Language.ES.code(), spanish);
	}

	public String in(Language language) {
		return language.text(key, args.stream().map(a -> a instanceof java.util.Map<?, ?> written
				? String.valueOf(written.get(written.containsKey(language.code()) ? language.code()
						: Language.EN.code()))
				: a).toArray());
	}

}
