package org.cairn.mail;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that may end up in a mail header or subject (a district's name, a person's name): one line, no control
 * characters. A line break there would let the text add headers of its own ({@code \r\nBcc: …}). Null is valid
 * (combine with {@code @NotBlank} where the value is required).
 */
@Documented
@Constraint(validatedBy = HeaderText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface HeaderText {

	String message() default "must be one line of text, without line breaks or control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<HeaderText, String> {

		/** True when the text has no control character (tabs, line breaks, NUL, DEL, C1 controls) and no line separator. */
		public static boolean isSafe(String text) {
			return text == null || text.codePoints().noneMatch(Validator::unsafe);
		}

		/** The text with every control character replaced by a space: for values already stored. */
		public static String flatten(String text) {
			if (text == null) {
				return "";
			}
			return text.codePoints()
				.map(c -> unsafe(c) ? ' ' : c)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
		}

		private static boolean unsafe(int c) {
			return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return isSafe(value);
		}

	}

}
