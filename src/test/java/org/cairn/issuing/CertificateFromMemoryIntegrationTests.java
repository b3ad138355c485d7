package org.cairn.issuing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate is rendered once per assertion, paper size and language and answered from memory: in the language
 * the reader asks for, else the recipient's own, else the district's, with no store call, not even when a language
 * or paper size is rendered for the first time; dropped at once when the badge is revoked or its recipient chooses
 * another language. Real HTTP on a random port, the PDFs parsed back with PDFBox, the store's commands observed
 * by the driver's command listener; whether memory answered is asked of {@link PublicReads} itself (the filter
 * answers without calling what follows it).
 */
@Import({ IssuingFixtures.class, StoreCommands.class })
class CertificateFromMemoryIntegrationTests extends IntegrationTest {

	private static final String SPANISH = "Certificado de logro";

	private static final String ENGLISH = "Certificate of Achievement";

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	StoreCommands commands;

	@Autowired
	PublicReads publicReads;

	/** Rendering PDFs on a loaded build machine can take longer than the client's default 5 s. */
	private WebTestClient reader() {
		return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
	}

	@Test
	void aSpanishRecipientsCertificateIsSpanishFromMemoryWithoutAStoreCallAndEnglishForAReaderWhoAsks()
			throws Exception {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		chooseLanguage(teacher, "es");
		String id = awarded(district, teacher);
		String certificate = "/public/assertions/" + id + "/certificate.pdf";
		// one read in English holds the assertion, its badge and its credential in memory
		assertThat(text(get(certificate + "?lang=en"))).contains(ENGLISH).doesNotContain(SPANISH);

		commands.clear();
		// the recipient's language, rendered now for the first time: what it needs is held, the store is not asked
		byte[] spanish = get(certificate);
		byte[] spanishA4 = get(certificate + "?paper=a4");
		byte[] asked = get(certificate + "?lang=es&paper=a4");
		for (int i = 0; i < 3; i++) {
			assertThat(get(certificate)).isEqualTo(spanish);
			assertThat(get(certificate + "?paper=a4")).isEqualTo(spanishA4);
		}
		assertThat(commands.onRequestCollections()).as("store commands while certificates were rendered and read")
			.isEmpty();
		assertThat(text(spanish)).contains(SPANISH, "Se certifica que", teacher.displayName())
			.doesNotContain(ENGLISH);
		assertThat(text(asked)).contains(SPANISH);
		assertThat(spanishA4).isEqualTo(asked);

		// and they are answered from memory, before the security chain and the dispatcher
		for (String path : new String[] { certificate, certificate + "?lang=en", certificate + "?paper=a4",
				certificate + "?lang=es&paper=a4", certificate + "?paper=a4&lang=es" }) {
			assertThat(fromMemory(path)).as(path).isNotNull();
		}
		assertThat(fromMemory(certificate)).isEqualTo(spanish);
		assertThat(text(fromMemory(certificate + "?lang=en"))).contains(ENGLISH);
		assertThat(commands.onRequestCollections()).isEmpty();
	}

	@Test
	void aRevokedBadgesCertificateIsRefusedAtOnce() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		String id = awarded(district, teacher);
		String certificate = "/public/assertions/" + id + "/certificate.pdf";
		get(certificate);
		assertThat(fromMemory(certificate)).as("held before the revocation").isNotNull();

		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Awarded in error")).exchange().expectStatus().isOk();
		assertThat(fromMemory(certificate)).as("memory no longer answers").isNull();
		reader().get().uri(certificate).exchange().expectStatus().isEqualTo(HttpStatus.GONE)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:assertion-revoked");
		reader().get().uri(certificate + "?lang=es").exchange().expectStatus().isEqualTo(HttpStatus.GONE);
	}

	@Test
	void aRecipientWhoChangesLanguageGetsTheirCertificateInTheNewOneAtOnce() throws Exception {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		String id = awarded(district, teacher);
		String certificate = "/public/assertions/" + id + "/certificate.pdf";
		// no choice and no district default: English, held
		assertThat(text(get(certificate))).contains(ENGLISH);
		assertThat(text(get(certificate))).contains(ENGLISH);

		chooseLanguage(teacher, "es");
		assertThat(text(get(certificate))).as("right after choosing Spanish").contains(SPANISH);
		byte[] held = fromMemory(certificate);
		assertThat(held).as("held in Spanish").isNotNull();
		assertThat(text(held)).contains(SPANISH);
		assertThat(text(get(certificate + "?lang=en"))).as("a reader who asks").contains(ENGLISH);

		chooseLanguage(teacher, null);
		assertThat(text(get(certificate))).as("back to the browser's: the district's default").contains(ENGLISH);
	}

	private String awarded(District district, Person teacher) {
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), "tier-1")).assertionId();
		IssuingFixtures.credentialIssued(http, id);
		return id;
	}

	private void chooseLanguage(Person person, String language) {
		data.as(person).put().uri("/api/v1/me/language").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(language == null ? Map.of() : Map.of("language", language)).exchange().expectStatus().isOk();
	}

	private byte[] get(String path) {
		return reader().get().uri(path).accept(MediaType.APPLICATION_PDF).exchange().expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody().returnResult().getResponseBody();
	}

	/** The PDF {@link PublicReads} answers from memory alone, or null when it hands the request on. */
	private byte[] fromMemory(String path) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get(path).accept(MediaType.APPLICATION_PDF));
		AtomicBoolean handedOn = new AtomicBoolean();
		publicReads.filter(exchange, next -> {
			handedOn.set(true);
			return Mono.empty();
		}).block(Duration.ofSeconds(10));
		if (handedOn.get()) {
			return null;
		}
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		return DataBufferUtils.join(exchange.getResponse().getBody())
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			})
			.block(Duration.ofSeconds(10));
	}

	private static String text(byte[] pdf) throws Exception {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
