package org.cairn.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.support.IntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;


/**
 * Hostile and clumsy requests against a set of endpoints: every answer is a problem document in plain words that
 * names no Java type, library flag or exception text. Failed on main, where a wrong body shape answered "Cannot
 * deserialize value of type `org.cairn.account.AuthController$Credentials`…" and an encoded slash a bare 400.
 */
class ProblemWordingIntegrationTests extends IntegrationTest {

	/** What a detail must never contain: internals a teacher cannot act on and an attacker can. */
	private static final List<String> FORBIDDEN = List.of("$", "java.", "javax.", "jakarta.", "com.fasterxml",
			"tools.jackson", "org.springframework", "org.cairn", "Exception", "Jackson", "`", "Cannot deserialize",
			"FAIL_ON", "DeserializationFeature", "Failed to read HTTP message", "Type mismatch", "parameter 0");

	/** A package-qualified or nested class name such as {@code a.b.Cee} or {@code Outer$Inner}. */
	private static final Pattern CLASS_LIKE = Pattern.compile("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*|\\w+\\$\\w+");

	@LocalServerPort
	int port;

	record Attempt(String what, HttpMethod method, String path, MediaType type, String body, int status, String says) {
	}

	@Test
	void malformedAndHostileRequestsGetPlainProblems() {
		var district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		String big = "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\", \"days\": 3}";
		List<Attempt> anonymous = List.of(
				new Attempt("array for an object", HttpMethod.POST, "/api/v1/auth/login", MediaType.APPLICATION_JSON,
						"[1, 2]", 400, "not the JSON this endpoint expects"),
				new Attempt("cut-off JSON", HttpMethod.POST, "/api/v1/auth/login", MediaType.APPLICATION_JSON,
						"{\"email\": ", 400, "not valid JSON"),
				new Attempt("no body", HttpMethod.POST, "/api/v1/auth/login", MediaType.APPLICATION_JSON, null, 400, "needs a JSON body"),
				new Attempt("object for a string", HttpMethod.POST, "/api/v1/auth/login", MediaType.APPLICATION_JSON,
						"{\"email\": {\"a\": 1}, \"password\": \"x\"}", 400, "'email' has a value of the wrong kind"),
				new Attempt("a string for the body", HttpMethod.POST, "/api/v1/auth/login",
						MediaType.APPLICATION_JSON, "\"hello\"", 400, "not the JSON this endpoint expects"),
				new Attempt("wrong method", HttpMethod.DELETE, "/api/v1/auth/login", null, null, 405, "does not accept DELETE"));
		List<Attempt> asAdmin = List.of(
				new Attempt("unknown enum value", HttpMethod.POST, "/api/v1/people", MediaType.APPLICATION_JSON,
						"{\"email\": \"k@example.org\", \"roles\": [\"KING\"]}", 400, "'roles[0]' must be one of: "),
				new Attempt("text for a number", HttpMethod.POST, "/api/v1/people", MediaType.APPLICATION_JSON,
						"{\"email\": \"k@example.org\", \"roles\": [\"TEACHER\"], \"yearsOfExperience\": \"many\"}",
						400, "'yearsOfExperience' has a value of the wrong kind"),
				new Attempt("null body", HttpMethod.POST, "/api/v1/people", MediaType.APPLICATION_JSON, "null", 400,
						"needs a JSON body"),
				new Attempt("bad date in the query", HttpMethod.GET, "/api/v1/stipends.csv?from=soon&to=2026-01-01",
						null, null, 400, "'soon'"),
				new Attempt("encoded slash", HttpMethod.GET, "/api/v1/people/a%2Fb", null, null, 400,
						"encoded slash or backslash"),
				new Attempt("encoded backslash", HttpMethod.GET, "/api/v1/people/a%5Cb", null, null, 400,
						"encoded slash or backslash"),
				new Attempt("encoded slash in a body path", HttpMethod.PUT, "/api/v1/people/..%2F..%2Fdistrict",
						MediaType.APPLICATION_JSON, "{}", 400, "encoded slash or backslash"));
		List<Attempt> asTeacher = List.of(
				new Attempt("not a boolean in the query", HttpMethod.GET, "/api/v1/notifications?unread=maybe", null,
						null, 400, "'maybe'"),
				new Attempt("unknown field", HttpMethod.POST, "/api/v1/me/tokens", MediaType.APPLICATION_JSON,
						"{\"name\": \"x\", \"days\": 3, \"dayz\": 4}", 400, "'dayz' is not one this request accepts"),
				new Attempt("oversized body", HttpMethod.POST, "/api/v1/me/tokens", MediaType.APPLICATION_JSON, big,
						413, "too large"),
				new Attempt("text/plain body", HttpMethod.POST, "/api/v1/me/tokens", MediaType.TEXT_PLAIN, "x", 415,
						"does not accept that content type"));
		check(http, anonymous);
		check(data.as(admin), asAdmin);
		check(data.as(teacher), asTeacher);
	}

	@SuppressWarnings("unchecked")
	private void check(WebTestClient client, List<Attempt> attempts) {
		SoftAssertions softly = new SoftAssertions();
		for (Attempt attempt : attempts) {
			var request = client.method(attempt.method())
				.uri(URI.create("http://localhost:" + port + attempt.path()));
			if (attempt.type() != null) {
				request.contentType(attempt.type());
			}
			var spec = attempt.body() == null ? request.exchange() : request.bodyValue(attempt.body()).exchange();
			var result = spec.expectBody(Map.class).returnResult();
			softly.assertThat(result.getStatus().value()).as(attempt.what()).isEqualTo(attempt.status());
			softly.assertThat(result.getResponseHeaders().getContentType()).as(attempt.what())
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			Map<String, Object> problem = result.getResponseBody() == null ? Map.of()
					: (Map<String, Object>) result.getResponseBody();
			softly.assertThat(problem).as(attempt.what()).containsKeys("type", "title", "detail");
			softly.assertThat(String.valueOf(problem.get("detail"))).as(attempt.what()).contains(attempt.says());
			for (String member : List.of("title", "detail")) {
				String text = String.valueOf(problem.get(member));
				softly.assertThat(text).as(attempt.what() + ": " + member).isNotBlank().isNotEqualTo("null");
				FORBIDDEN.forEach(word -> softly.assertThat(text).as(attempt.what() + ": " + member).doesNotContain(word));
				softly.assertThat(CLASS_LIKE.matcher(text).find()).as(attempt.what() + ": " + member + " = " + text)
					.isFalse();
			}
			softly.assertThat(problem).as(attempt.what()).doesNotContainKeys("trace", "exception", "message");
		}
		softly.assertAll();
	}

}
