package org.cairn.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
				.filter(text -> text.startsWith("To: " + to + "\r\n"))
				.forEach(text -> tokens.add(tokenIn(text, pathPrefix)));
			return tokens;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every message mailed to the address, headers and text, as written to the outbox. */
	public java.util.List<String> messages(String to) {
		if (!Files.isDirectory(outbox)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.map(MailLinks::read).filter(text -> text.startsWith("To: " + to + "\r\n")).toList();
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

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
