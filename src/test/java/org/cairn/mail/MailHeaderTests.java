package org.cairn.mail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.cairn.system.CairnProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A district name stored with a line break (before names were checked, or written straight into the store) reaches
 * a subject: neither transport may turn it into a header. Failed on main, where the outbox file carried a real
 * {@code Bcc:} header.
 */
class MailHeaderTests {

	private static final String HOSTILE = "Evil District\r\nBcc: victim@evil.test\r\nX-Injected: yes";

	private static final OutgoingMail MAIL = new OutgoingMail("teacher@district.test",
			"You are invited to Cairn by " + HOSTILE, "Hello Zoë,\n\nyour link: https://cairn.test/invitations/abc\n");

	@TempDir
	Path dataDir;

	@Test
	void theOutboxFileHasNoInjectedHeaderAndDecodesLikeAnyMail() throws Exception {
		OutboxMailer outbox = new OutboxMailer(new CairnProperties(dataDir, null, false), Clock.systemUTC(),
				new InternetAddress("Cairn <no-reply@cairn.invalid>"));
		outbox.send(MAIL).block();
		Path file;
		try (Stream<Path> files = Files.list(outbox.outbox())) {
			file = files.findFirst().orElseThrow();
		}
		String raw = Files.readString(file);
		assertThat(raw).doesNotContainPattern("(?m)^Bcc:").doesNotContainPattern("(?m)^X-Injected:");
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(parsed.getHeader("Bcc")).isNull();
			assertThat(parsed.getHeader("X-Injected")).isNull();
			assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("teacher@district.test");
			assertThat(parsed.getSubject()).isEqualTo(
					"You are invited to Cairn by Evil District  Bcc: victim@evil.test  X-Injected: yes");
			assertThat((String) parsed.getContent()).contains("Zoë").contains("/invitations/abc");
		}
	}

	@Test
	void smtpDeliversToTheOneRecipientOnly() throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(smtp.getSmtp().getPort());
			new SmtpMailer(sender, new InternetAddress("Cairn <no-reply@cairn.invalid>")).send(MAIL).block();
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).as("one delivery: no Bcc copy to the injected address").hasSize(1);
			assertThat(received[0].getHeader("Bcc")).isNull();
			assertThat(received[0].getHeader("X-Injected")).isNull();
			assertThat(received[0].getSubject()).doesNotContain("\n").doesNotContain("\r");
			assertThat(smtp.getReceivedMessagesForDomain("evil.test")).isEmpty();
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aRecipientWithALineBreakIsNeverSent() {
		for (String to : List.of("a@b.test\r\nBcc: c@d.test", "a@b.test\nX: y", "a@b.test\u0000")) {
			assertThatThrownBy(() -> new OutgoingMail(to, "Hi", "text")).isInstanceOf(IllegalArgumentException.class);
		}
	}

}
