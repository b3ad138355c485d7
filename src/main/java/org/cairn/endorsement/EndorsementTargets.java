package org.cairn.endorsement;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.cairn.district.DistrictRepository;
import org.cairn.endorsement.StoredEndorsement.TargetKind;
import org.cairn.issuing.IssuedBadges;
import org.cairn.issuing.Issuers;
import org.cairn.openbadges.HostedDocuments;
import org.cairn.outbound.FetchFailure;
import org.cairn.outbound.GuardedFetcher;
import org.cairn.problem.ProblemException;
import org.cairn.system.CairnProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * What an address names, when it is something a district can endorse: one of Cairn's own badge classes or issuer
 * profiles (then the endorsed district is known and decides), or an Open Badges 2.0/3.0 BadgeClass, Achievement or
 * issuer Profile elsewhere, retrieved through the guarded fetcher (never a private or loopback address unless the
 * verifier's allowed networks name it).
 */
@Component
class EndorsementTargets {

	private final CairnProperties properties;

	private final Issuers issuers;

	private final IssuedBadges badges;

	private final HostedDocuments hosted;

	private final DistrictRepository districts;

	private final GuardedFetcher fetcher;

	EndorsementTargets(CairnProperties properties, Issuers issuers, IssuedBadges badges, HostedDocuments hosted,
			DistrictRepository districts, GuardedFetcher fetcher) {
		this.properties = properties;
		this.issuers = issuers;
		this.badges = badges;
		this.hosted = hosted;
		this.districts = districts;
		this.fetcher = fetcher;
	}

	/**
	 * @param claimId the 2.0 id endorsed; {@code subjectId} the 3.0 one (they differ only for a Cairn issuer, whose
	 *     2.0 Issuer and 3.0 Profile live at two addresses)
	 * @param districtId the endorsed Cairn district, or null elsewhere
	 */
	record Target(TargetKind kind, String claimId, String subjectId, String name, String districtId,
			String districtName) {
	}

	Mono<Target> resolve(String address) {
		URI url = address == null ? null : parse(address.strip());
		if (url == null) {
			return Mono.error(notEndorsable("Give the full address (https://…) of a badge or an issuer."));
		}
		String own = properties.publicUrl("/public/");
		return url.toString().startsWith(own) ? own(url, url.toString().substring(own.length())) : elsewhere(url);
	}

	/** Cairn's own documents: /public/badges/{id}, /public/issuers/{id}, /public/profiles/{id}. */
	private Mono<Target> own(URI url, String rest) {
		String[] parts = rest.split("[/?#]");
		if (parts.length < 2) {
			return Mono.error(notEndorsable("That Cairn address is not a badge or an issuer."));
		}
		String id = parts[1];
		return switch (parts[0]) {
			case "badges" -> issuers.badgeClassById(id)
				.flatMap(record -> hosted.find(URI.create(properties.publicUrl("/public/badges/" + id)))
					.flatMap(badge -> districtName(record.districtId())
						.map(district -> new Target(TargetKind.BADGE_CLASS, Nodes.text(badge, "id"),
								Nodes.text(badge, "id"), Nodes.text(badge, "name"), record.districtId(), district))))
				.switchIfEmpty(Mono.error(() -> notEndorsable("No badge of a Cairn district has that address.")));
			case "issuers", "profiles" -> badges.issuer(id)
				.map(issuer -> new Target(TargetKind.ISSUER, issuer.profile().id(),
						properties.publicUrl("/public/profiles/" + issuer.id()), issuer.profile().name(),
						issuer.districtId(), issuer.profile().name()))
				.switchIfEmpty(Mono.error(() -> notEndorsable("No Cairn district has that issuer address.")));
			default -> Mono.error(notEndorsable("That Cairn address is not a badge or an issuer."));
		};
	}

	/** Another issuer's BadgeClass, Achievement or Profile, as it serves it. */
	private Mono<Target> elsewhere(URI url) {
		return fetcher.fetch(url).onErrorMap(FetchFailure.class,
				failure -> notEndorsable("Cairn could not read a badge or issuer at " + url + ": "
						+ failure.getMessage()))
			.flatMap(fetched -> {
				JsonNode body = fetched.body();
				if (body == null || !body.isObject()) {
					return Mono.error(notEndorsable("The address " + url + " serves no badge or issuer."));
				}
				List<String> types = Nodes.types(body);
				TargetKind kind = types.contains("BadgeClass") || types.contains("Achievement") ? TargetKind.BADGE_CLASS
						: types.contains("Issuer") || types.contains("Profile") ? TargetKind.ISSUER : null;
				String id = Nodes.text(body, "id");
				String name = Nodes.text(body, "name");
				if (kind == null || id == null || name == null) {
					return Mono.error(notEndorsable("The address " + url + " serves no Open Badges badge class, "
							+ "achievement or issuer profile with an id and a name."));
				}
				if (!id.equals(fetched.requested().toString()) && !id.equals(fetched.served().toString())) {
					// the document must be the one its own id names: endorsing a copy would endorse nothing
					return Mono.error(notEndorsable("The document at " + url + " calls itself " + id
							+ "; give the address it is published at."));
				}
				return Mono.just(new Target(kind, id, id, name, null, null));
			});
	}

	private Mono<String> districtName(String districtId) {
		return districts.findById(districtId).map(d -> d.name());
	}

	private static URI parse(String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	static ProblemException notEndorsable(String detail) {
		return ProblemException.of(EndorsementProblem.NOT_ENDORSABLE, "not-endorsable", detail);
	}

}
