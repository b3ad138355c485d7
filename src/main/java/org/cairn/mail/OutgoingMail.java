package org.cairn.mail;

/**
 * A plain-text message to one recipient. Header values can never carry a line break: input that reaches a subject
 * (district, person and template names) is refused at the API ({@link HeaderText}), and whatever slips through
 * (data stored before that check) has its control characters turned into spaces here, so no transport can be made
 * to write an extra header such as {@code Bcc:}.
 */
public record OutgoingMail(String to, String subject, String text) {

	public OutgoingMail {
		if (to == null || !HeaderText.Validator.isSafe(to)) {
			throw new IllegalArgumentException("A mail recipient must be one address on one line.");
		}
		subject = HeaderText.Validator.flatten(subject);
		text = text == null ? "" : text;
	}

}
