package org.cairn.oidc;

import java.util.Comparator;
import java.util.List;

import org.cairn.account.FixedAnswer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in buttons: one per configured provider. Public, so the sign-in page can show them. They come from
 * configuration, so the answer is the same until a restart: an anonymous {@code GET} gets it written once
 * ({@link FixedAnswer}) without the security chain and the dispatcher; every other request comes here.
 */
@RestController
class ProvidersController {

	static final String PATH = "/api/v1/auth/providers";

	private final List<SignInProvider> providers;

	ProvidersController(OidcProperties properties) {
		this.providers = properties.providers().entrySet().stream()
			.map(e -> new SignInProvider(e.getKey(),
					e.getValue().displayName() == null ? e.getKey() : e.getValue().displayName(),
					e.getValue().districtSlug(), "/oauth2/authorization/" + e.getKey()))
			.sorted(Comparator.comparing(SignInProvider::name))
			.toList();
	}

	@GetMapping(PATH)
	List<SignInProvider> providers() {
		return providers;
	}

	/** The same list, written by the mapper the endpoint's JSON answers are written with. */
	@Bean
	static FixedAnswer signInProvidersAnswer(ProvidersController controller, JsonMapper json) {
		return new FixedAnswer(PATH, json.writeValueAsBytes(controller.providers()));
	}

	/** @param signInUrl where the button sends the browser (a full-page navigation, not a fetch) */
	record SignInProvider(String id, String name, String districtSlug, String signInUrl) {
	}

}
