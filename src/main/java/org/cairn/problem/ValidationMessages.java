package org.cairn.problem;

import java.util.HashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.cairn.language.Language;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import org.springframework.validation.ObjectError;

/**
 * A Bean Validation message ({@code errors[].message}) in the reader's language (issue 18). The constraints' own
 * messages come from Hibernate Validator's catalogues for the language ("no debe estar vacío"); a message Cairn
 * wrote on an annotation ({@code message = "must be an http(s) URL"}) has its translation in
 * {@code i18n/validation*.properties}, found by its English words. English stays exactly as validated.
 */
final class ValidationMessages {

	/** Parameters only ({min}, {max}): no expression language is needed, nor loaded. */
	private static final MessageInterpolator INTERPOLATOR = new ParameterMessageInterpolator();

	/** The messages Cairn writes on its constraints, by their English words. */
	private static final String[] KEYS = { "validation.http-url", "validation.under-300-kb", "validation.logo",
			"validation.color", "validation.language", "validation.language-choice", "validation.slug",
			"validation.reminders", "validation.sources", "validation.one-line", "validation.time-zone" };

	private static final Map<String, String> BY_ENGLISH = byEnglish();

	private ValidationMessages() {
	}

	static String in(ObjectError error, Language language) {
		return in(error.getDefaultMessage(),
				error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null, language);
	}

	/** The message validation wrote in English, in the language, from the violation that made it (or null). */
	static String in(String english, ConstraintViolation<?> violation, Language language) {
		if (language == Language.EN || english == null) {
			return english;
		}
		String key = BY_ENGLISH.get(english);
		if (key != null) {
			return language.text(key);
		}
		if (violation != null) {
			try {
				return INTERPOLATOR.interpolate(violation.getMessageTemplate(), context(violation),
						language.locale());
			}
			catch (RuntimeException unexpected) {
				return english;
			}
		}
		return english;
	}

	private static MessageInterpolator.Context context(ConstraintViolation<?> violation) {
		return new MessageInterpolator.Context() {

			@Override
			public ConstraintDescriptor<?> getConstraintDescriptor() {
				return violation.getConstraintDescriptor();
			}

			@Override
			public Object getValidatedValue() {
				return violation.getInvalidValue();
			}

			@Override
			public <T> T unwrap(Class<T> type) {
				throw new ValidationException("Not available: " + type.getSimpleName());
			}

		};
	}

	private static Map<String, String> byEnglish() {
		Map<String, String> keys = new HashMap<>();
		for (String key : KEYS) {
			keys.put(Language.EN.text(key), key);
		}
		return Map.copyOf(keys);
	}

}
