package org.cairn.verification;

import java.net.URI;

import org.cairn.openbadges.OpenBadgeCredential;
import org.cairn.outbound.FetchFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Probe "3.0 status" (spec "Verification" step 4, the 1EdTech Revocation List Status Method). Checks
 * {@code ob3.status}. Refuses a credential whose id the issuer's revocation list names (with its reason), a list
 * not named by an https URL, and one that cannot be retrieved; warns when the credential names no status list (its
 * issuer cannot revoke it) or another status method.
 */
final class Ob3StatusProbe {

	private final Retrieval retrieval;

	Ob3StatusProbe(Retrieval retrieval) {
		this.retrieval = retrieval;
	}

	Mono<Void> check(JsonNode credential, Run run) {
		run.current = CheckId.OB3_STATUS;
		JsonNode status = credential.get("credentialStatus");
		if (status == null) {
			run.warn(CheckId.OB3_STATUS, "The credential names no status list: its issuer cannot revoke it.");
			return Mono.empty();
		}
		if (!OpenBadgeCredential.REVOCATION_LIST.equals(Nodes.text(status, "type"))) {
			run.warn(CheckId.OB3_STATUS, "Status method " + Nodes.text(status, "type") + " is not checked here.");
			return Mono.empty();
		}
		String list = Nodes.text(status, "id");
		if (list == null || !Nodes.isHttp(list) || Nodes.uri(list) == null) {
			run.fail(CheckId.OB3_STATUS, "The revocation list is not named by an https URL.");
			return Mono.empty();
		}
		String id = Nodes.text(credential, "id");
		return retrieval.fetch(URI.create(list), run).doOnNext(fetched -> {
			JsonNode revoked = fetched.body() == null ? null : fetched.body().get("revokedCredential");
			if (revoked != null && revoked.isArray()) {
				for (JsonNode entry : revoked.values()) {
					JsonNode flag = entry.get("revoked");
					if (id != null && id.equals(Nodes.text(entry, "id")) && (flag == null || flag.asBoolean(true))) {
						run.revoked = true;
						run.revocationReason = Nodes.text(entry, "revocationReason");
						run.fail(CheckId.OB3_STATUS, "Revoked" + (run.revocationReason == null ? "."
								: ": " + run.revocationReason));
						return;
					}
				}
			}
			run.pass(CheckId.OB3_STATUS, "Not in the issuer's revocation list.");
		}).then().onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.OB3_STATUS, "The revocation list could not be retrieved: " + failure.getMessage());
			return Mono.empty();
		});
	}

}
