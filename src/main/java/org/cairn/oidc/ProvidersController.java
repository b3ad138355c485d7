package org.cairn.oidc;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in buttons: one per configured provider. Public, so the sign-in page can show them. */
@RestController
class ProvidersController {

	private final OidcProperties properties;

	ProvidersController(OidcProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/v1/auth/providers")
	List<SignInProvider> providers() {
		return properties.providers().entrySet().stream()
			.map(e -> new SignInProvider(e.getKey(),
					e.getValue().displayName() == null ? e.getKey() : e.getValue().displayName(),
					e.getValue().districtSlug(), "/oauth2/authorization/" + e.getKey()))
			.sorted(Comparator.comparing(SignInProvider::name))
			.toList();
	}

	/** @param signInUrl where the button sends the browser (a full-page navigation, not a fetch) */
	record SignInProvider(String id, String name, String districtSlug, String signInUrl) {
	}

}
