package org.cairn.mail;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.cairn.system.CairnProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk award's chunk hands its messages to the mailer together: every one arrives once, with its own recipient
 * and text (accented, so the body is quoted-printable), and what the server did not take comes back to be retried.
 */
class MailBatchTests {

	private static final List<OutgoingMail> MAILS = IntStream.range(0, 3)
		.mapToObj(i -> new OutgoingMail("teacher" + i + "@district.test", "You earned \"Lectura\" from Distrito Año",
				"Hola Zoë " + i + ",\n\nhttps://cairn.test/public/assertions/a" + i + "\n"))
		.toList();

	@TempDir
	Path dataDir;

	@Test
	void smtpSendsABatchOverOneConnectionEachMessageToItsRecipient() throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try {
			List<OutgoingMail> failed = new SmtpMailer(sender(smtp.getSmtp().getPort()),
					new InternetAddress("Cairn <no-reply@cairn.invalid>")).sendAll(MAILS).block();
			assertThat(failed).isEmpty();
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(3);
			for (int i = 0; i < 3; i++) {
				MimeMessage message = smtp.getReceivedMessagesForDomain("district.test")[i];
				String to = message.getAllRecipients()[0].toString();
				int n = Integer.parseInt(to.substring("teacher".length(), to.indexOf('@')));
				assertThat((String) message.getContent()).contains("Hola Zoë " + n).contains("/assertions/a" + n);
			}
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aBatchTheServerCannotTakeComesBackWhole() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		List<OutgoingMail> failed = new SmtpMailer(sender(closedPort), new InternetAddress("no-reply@cairn.invalid"))
			.sendAll(MAILS).block();
		assertThat(failed).containsExactlyInAnyOrderElementsOf(MAILS);
	}

	@Test
	void theOutboxWritesEveryMessageOfABatchAsItsOwnFile() throws Exception {
		OutboxMailer outbox = new OutboxMailer(new CairnProperties(dataDir, null, false), Clock.systemUTC(),
				new InternetAddress("Cairn <no-reply@cairn.invalid>"));
		assertThat(outbox.sendAll(MAILS).block()).isEmpty();
		List<String> texts;
		try (Stream<Path> files = Files.list(outbox.outbox())) {
			texts = files.map(file -> {
				try (var in = Files.newInputStream(file)) {
					MimeMessage parsed = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
					return parsed.getAllRecipients()[0] + " " + parsed.getContent();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
		assertThat(texts).hasSize(3);
		for (int i = 0; i < 3; i++) {
			String prefix = "teacher" + i + "@district.test Hola Zoë " + i;
			assertThat(texts).anySatisfy(text -> assertThat(text).startsWith(prefix));
		}
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		return sender;
	}

}
