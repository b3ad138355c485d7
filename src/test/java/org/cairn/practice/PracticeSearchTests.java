package org.cairn.practice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.types.ObjectId;
import org.cairn.earning.EarningTest;
import org.cairn.paging.ListPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's search over thousands of pieces answers exactly what checking every piece answers: for browsing,
 * each filter, combinations that meet often, rarely or never, later pages, with entries spread over several buckets
 * per key and a filter too common to read its entries, no row missing and none from another district. The pieces
 * and their search entries are stored as sharing them one after the other would leave them (the seed of
 * {@code perf/practice.sh}).
 */
class PracticeSearchTests extends EarningTest {

	@Autowired
	PracticeLibrary library;

	private final Random random = new Random(18);

	@Test
	void searchesAnswerWhatCheckingEveryPieceAnswers() {
		String here = "search-" + new ObjectId().toHexString();
		String elsewhere = "search-" + new ObjectId().toHexString();
		List<String> words = List.of("fraction", "station", "lab", "rotation", "tessellation", "haiku");
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		List<PracticePiece> pieces = new ArrayList<>();
		// more than MAX_ENTRIES under the common word of one district, so a filter is checked on the pieces too
		int count = PracticeLibrary.MAX_ENTRIES * 7 / 6 + 1_000;
		for (int i = 0; i < count; i++) {
			String district = i % 7 == 0 ? elsewhere : here;
			String rare = random.nextInt(50) == 0 ? " tessellation" : random.nextInt(9) == 0 ? " haiku" : "";
			String title = "fraction " + words.get(1 + random.nextInt(3)) + rare + " plan";
			pieces.add(new PracticePiece(new ObjectId().toHexString(), district, "District", "evidence-" + i, "author",
					null, title, null, "REFLECTION", null, null, null, null, null, null, "Microcredential", "Tier",
					"Requirement", List.of(new PracticePiece.Tag(random.nextBoolean() ? "LF2011.DATA" : "LF2011.LD", "S")),
					List.of(new PracticePiece.Tag("FFT.C" + (1 + random.nextInt(6)), "C")),
					PracticeLibrary.GRADE_BANDS.get(random.nextInt(PracticeLibrary.GRADE_BANDS.size())),
					PracticeLibrary.SUBJECTS.get(random.nextInt(4)), Audience.DISTRICT, null, "tier-4",
					start.plusSeconds(i), null).withFacets());
		}
		store(pieces);

		List<List<String>> searches = List.of(
				PracticeKeys.query(null, null, null, null, null),
				PracticeKeys.query(null, "C6", null, null, null),
				PracticeKeys.query("LF2011.DATA", null, null, null, null),
				PracticeKeys.query(null, null, "3-5", null, null),
				PracticeKeys.query(null, null, null, "Mathematics", null),
				PracticeKeys.query(null, null, null, null, "tessellation"),
				PracticeKeys.query(null, null, null, null, "fraction station"),
				PracticeKeys.query(null, "C6", "3-5", null, null),
				PracticeKeys.query(null, "C5", "9-12", "Science", "lab"),
				PracticeKeys.query(null, "C2", "PreK", "Mathematics", "tessellation"),
				PracticeKeys.query(null, null, "K-2", null, "fraction"),
				PracticeKeys.query(null, null, null, null, "zzzunknown"));
		for (List<String> facets : searches) {
			for (String district : List.of(here, elsewhere)) {
				List<PracticePiece> expected = pieces.stream()
					.filter(p -> p.districtId().equals(district) && p.facets().containsAll(facets))
					.sorted(Comparator.comparing(PracticePiece::sharedAt).thenComparing(PracticePiece::id).reversed())
					.toList();
				for (int page : List.of(0, 1, 3)) {
					List<String> found = library
						.search(List.of(PracticeKeys.district(district)), district, facets, ListPage.of(page, 50))
						.map(PracticePiece::id)
						.collectList()
						.block();
					assertThat(found).as("%s in %s, page %d", facets, district, page)
						.containsExactlyElementsOf(expected.stream().skip(page * 50L).limit(50).map(PracticePiece::id)
							.toList());
				}
			}
		}
	}

	/** The pieces and their search entries, buckets and counters as sharing them in order leaves them. */
	private void store(List<PracticePiece> pieces) {
		mongo.insertAll(pieces).blockLast();
		Map<String, List<PracticeKey.Posting>> postings = new LinkedHashMap<>();
		for (PracticePiece piece : pieces) {
			for (String key : PracticeKeys.keys(piece, Audience.DISTRICT)) {
				postings.computeIfAbsent(key, k -> new ArrayList<>()).add(PracticeLibrary.posting(piece));
			}
		}
		List<PracticeKey> buckets = new ArrayList<>();
		List<PracticeKeyCount> counts = new ArrayList<>();
		postings.forEach((key, list) -> {
			for (int from = 0; from < list.size(); from += PracticeKey.SIZE) {
				buckets.add(new PracticeKey(PracticeKey.id(key, from / PracticeKey.SIZE), key, from / PracticeKey.SIZE,
						list.subList(from, Math.min(list.size(), from + PracticeKey.SIZE))));
			}
			counts.add(new PracticeKeyCount(key, list.size(), list.size()));
		});
		mongo.insertAll(buckets).blockLast();
		mongo.insertAll(counts).blockLast();
	}

}
