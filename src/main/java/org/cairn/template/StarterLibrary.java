package org.cairn.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.district.DistrictRepository;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The starter library: ready-made microcredentials shipped in the jar ({@code badge-templates/library/}), each of
 * which a district adopts as a draft of its own in one action and then edits.
 */
@Service
public class StarterLibrary {

	private final Map<String, LibraryEntry> entries = new LinkedHashMap<>();

	private final Map<String, byte[]> artwork = new LinkedHashMap<>();

	private final Templates templates;

	private final DistrictRepository districts;

	StarterLibrary(JsonMapper json, Templates templates, DistrictRepository districts) {
		this.templates = templates;
		this.districts = districts;
		for (var resource : BadgeTemplateFiles.list("library", "*.json")) {
			LibraryEntry entry = json.readValue(BadgeTemplateFiles.read(resource), LibraryEntry.class);
			entries.put(entry.key(), entry);
			artwork.put(entry.key(), allowed(entry.artworkFile(), BadgeTemplateFiles.read("artwork", entry.artworkFile())));
		}
	}

	/** Library artwork passes the same allow-list as a district's own; shipping anything else is a bug. */
	private static byte[] allowed(String file, byte[] svg) {
		SvgSanitizer.Cleaned cleaned = SvgSanitizer.clean(svg);
		if (!cleaned.refused().isEmpty() || cleaned.svg().isEmpty()) {
			throw new IllegalStateException("Library artwork " + file + " is refused: " + cleaned.refused());
		}
		return cleaned.svg().get();
	}

	List<LibraryEntry> all() {
		return entries.values().stream().map(e -> withArtwork(e, null)).toList();
	}

	Optional<LibraryEntry> find(String key) {
		return Optional.ofNullable(entries.get(key)).map(e -> withArtwork(e, null));
	}

	/**
	 * Copies an entry into the district as a draft, its artwork in the district's brand colour with its title.
	 * Adopting the same entry again returns the district's existing copy unless another copy is asked for.
	 */
	public Mono<Templates.Outcome> adopt(String districtId, String key, boolean anotherCopy) {
		LibraryEntry entry = entries.get(key);
		if (entry == null) {
			return Mono.error(ProblemException.notFound("Library entry " + key));
		}
		return districts.findById(districtId)
			.map(d -> Optional.ofNullable(d.brandColor()))
			.defaultIfEmpty(Optional.empty())
			.flatMap(colour -> templates.adopt(districtId, key, withArtwork(entry, colour.orElse(null)).template(),
					anotherCopy));
	}

	private LibraryEntry withArtwork(LibraryEntry entry, String brandColour) {
		byte[] svg = Artwork.personalise(artwork.get(entry.key()), entry.template().title(), brandColour);
		return new LibraryEntry(entry.key(), entry.origin(), entry.artworkFile(),
				entry.template().withArtwork(Artwork.svgDataUri(svg)));
	}

}
