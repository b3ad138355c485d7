package org.cairn.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads link tokens out of the mail the outbox mailer wrote, as a person would from their inbox. */
public final class MailLinks {

	private final Path outbox;

	public MailLinks(Path dataDir) {
		this.outbox = dataDir.resolve("outbox");
	}

	/** Every token of links with this path prefix (e.g. {@code /invitations/}) mailed to the address. */
	public Set<String> tokens(String to, String pathPrefix) {
		if (!Files.isDirectory(outbox)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(outbox)) {
			Set<String> tokens = new LinkedHashSet<>();
			files.map(MailLinks::read)
				.filter(mail -> mail.to().equals(to))
				.forEach(mail -> tokens.add(tokenIn(mail.text(), pathPrefix)));
			return tokens;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every message mailed to the address, decoded as a mail client shows it. */
	public java.util.List<Mail> messages(String to) {
		if (!Files.isDirectory(outbox)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.map(MailLinks::read).filter(mail -> mail.to().equals(to)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The one such token; fails when there is none or several. */
	public String onlyToken(String to, String pathPrefix) {
		Set<String> tokens = tokens(to, pathPrefix);
		assertThat(tokens).as("links %s mailed to %s", pathPrefix, to).hasSize(1);
		return tokens.iterator().next();
	}

	/** Waits for mail sent detached from the request (password resets). */
	public String awaitOnlyToken(String to, String pathPrefix) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !tokens(to, pathPrefix).isEmpty());
		return onlyToken(to, pathPrefix);
	}

	public static String tokenIn(String text, String pathPrefix) {
		Matcher m = Pattern.compile(Pattern.quote(pathPrefix) + "([A-Za-z0-9_-]+)").matcher(text);
		if (!m.find()) {
			throw new AssertionError("No link " + pathPrefix + " in mail:\n" + text);
		}
		return m.group(1);
	}

	/** One mail as a mail client shows it: the recipient, the decoded subject and text. */
	public record Mail(String to, String subject, String text) {
	}

	/** Parses the file as the MIME message it is, so transfer encodings and encoded words are undone. */
	static Mail read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return new Mail(to == null || to.length == 0 ? "" : ((InternetAddress) to[0]).getAddress(),
					message.getSubject(), String.valueOf(message.getContent()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Not a mail: " + file, ex);
		}
	}

}
