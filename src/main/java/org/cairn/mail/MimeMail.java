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

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail looks its stream provider up through the service loader, a scan of every jar of the
		// application, each time it encodes a body as quoted-printable or base64, that is for every message whose
		// text is not plain ASCII (a JFR profile of a bulk award: 40 % of writing its mail). Named by this system
		// property, the provider (the one the service loader finds) is instantiated directly.
		String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
		if (System.getProperty(STREAM_PROVIDER) == null
				&& org.springframework.util.ClassUtils.isPresent(angus, MimeMail.class.getClassLoader())) {
			System.setProperty(STREAM_PROVIDER, angus);
		}
	}

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
