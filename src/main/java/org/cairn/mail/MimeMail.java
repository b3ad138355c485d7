package org.cairn.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Fills a MIME message the same way for every transport: addresses parsed strictly, the subject RFC 2047-encoded
 * and the body in UTF-8, all by Jakarta Mail's own header encoding rather than by joining strings.
 */
final class MimeMail {

	private MimeMail() {
	}

	static void fill(MimeMessage message, InternetAddress from, OutgoingMail mail, Date sent)
			throws MessagingException {
		message.setFrom(from);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
		message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
		message.setText(mail.text(), StandardCharsets.UTF_8.name());
		message.setSentDate(sent);
	}

}
