package org.cairn.practice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bson.types.ObjectId;
import org.cairn.CairnApplication;
import org.cairn.account.Person;
import org.cairn.district.District;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Fills a data directory for the practice library benchmark (not a test: run by {@code perf/practice.sh}). Starts
 * the real application with the demo profile on the directory, then inserts shared pieces with their search entries
 * and key counts through the library's own key rules ({@link PracticeKeys}): four fifths in the demo district, one
 * fifth in a second district that opened its library to Cairn. Titles and summaries draw on a vocabulary with a few
 * common and many rare words, as real titles do.
 *
 * <pre>
 * java -cp … org.cairn.practice.PracticeSeed DATA_DIR [pieces=50000]
 * </pre>
 */
public final class PracticeSeed {

	private static final int BATCH = 5_000;

	private static final String[] TOPICS = { "fraction", "station", "rotation", "reading", "workshop", "inquiry",
			"lab", "discussion", "protocol", "feedback", "exit", "ticket", "vocabulary", "writing", "conference",
			"data", "goal", "small", "group", "choice", "board", "project", "rubric", "peer", "review", "number",
			"talk", "science", "notebook", "gallery", "walk", "socratic", "seminar", "math", "game", "phonics",
			"fluency", "graphic", "organizer", "anchor", "chart", "jigsaw", "debate", "primary", "source", "map",
			"timeline", "experiment", "model", "coding", "robot", "podcast", "portfolio", "reflection", "journal" };

	private static final String[] RARE = { "tessellation", "photosynthesis", "haiku", "watershed", "volcano",
			"ratio", "geometry", "algebra", "poetry", "biography", "ecosystem", "electricity", "magnet", "weather",
			"fossil", "constitution", "election", "immigration", "migration", "probability", "statistics",
			"decimals", "multiplication", "division", "spelling", "grammar", "narrative", "argument", "persuasive",
			"circuits" };

	private final ReactiveMongoTemplate mongo;

	private final Random random = new Random(18);

	private final Instant now = Instant.now();

	private PracticeSeed(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(args[0]);
		// 0: rebuild every search key from the pieces in the store (after a seed that stopped half-way)
		int pieces = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
		long started = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(CairnApplication.class,
				"--spring.profiles.active=demo", "--cairn.data-dir=" + dataDir.toAbsolutePath(),
				"--server.address=127.0.0.1", "--server.port=0", "--cairn.public-base-url=http://127.0.0.1:8080",
				"--logging.level.root=WARN");
		int code = 0;
		try {
			PracticeSeed seed = new PracticeSeed(context.getBean(ReactiveMongoTemplate.class));
			long entries = pieces == 0 ? seed.rebuild() : seed.seed(pieces);
			pieces = pieces == 0 ? seed.mongo.count(new Query(), PracticePiece.class).block().intValue() : pieces;
			System.out.printf("seeded %,d pieces and %,d search entries in %.1f s%n", pieces, entries,
					(System.nanoTime() - started) / 1e9);
			Files.writeString(dataDir.resolve("practice-seed.txt"),
					String.format("%,d practice pieces, %,d search entries (perf/practice.sh)", pieces, entries));
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			code = 1;
		}
		finally {
			context.close();
		}
		System.exit(code);
	}

	private long seed(int count) {
		District demo = mongo.findOne(Query.query(Criteria.where("slug").is("demo")), District.class).block();
		for (int i = 0; i < 600 && demo == null; i++) { // the demo seeds right after start-up
			sleep();
			demo = mongo.findOne(Query.query(Criteria.where("slug").is("demo")), District.class).block();
		}
		Person author = null;
		for (int i = 0; i < 600 && author == null; i++) {
			sleep();
			author = mongo.findOne(Query.query(Criteria.where("email").is("teacher3@demo.cairn.test")), Person.class)
				.block();
		}
		District other = mongo.findOne(Query.query(Criteria.where("slug").ne("demo")), District.class).block();
		String otherId = other == null ? "practice-seed-district" : other.id();
		mongo.save(new PracticeSettings(otherId, Audience.CAIRN, now)).block();
		List<PracticePiece.Tag> clusters = List.of(new PracticePiece.Tag("FFT.C1", "Clarity"),
				new PracticePiece.Tag("FFT.C2", "Environment"), new PracticePiece.Tag("FFT.C3", "Management"),
				new PracticePiece.Tag("FFT.C4", "Engagement"), new PracticePiece.Tag("FFT.C5", "Successful learning"),
				new PracticePiece.Tag("FFT.C6", "Professionalism"));
		List<PracticePiece.Tag> standards = List.of(new PracticePiece.Tag("LF2011.DATA", "Data"),
				new PracticePiece.Tag("LF2011.LD", "Learning Designs"), new PracticePiece.Tag("LF2011.IMPL",
						"Implementation"), new PracticePiece.Tag("LF2011.OUTCOMES", "Outcomes"),
				new PracticePiece.Tag("LF2011.LC", "Learning Communities"));
		List<PracticePiece> pieces = new ArrayList<>(BATCH);
		for (int i = 0; i < count; i++) {
			boolean demoPiece = i % 5 != 0;
			String title = word() + " " + word() + " " + (random.nextInt(8) == 0 ? rare() + " " : "") + word()
					+ " lesson plan " + i;
			String summary = "How my class used the " + word() + " " + word() + " with " + word() + " and "
					+ (random.nextInt(4) == 0 ? rare() : word()) + " to reach every learner";
			PracticePiece piece = new PracticePiece(new ObjectId().toHexString(), demoPiece ? demo.id() : otherId,
					demoPiece ? demo.name() : "Neighbouring district", "seed-evidence-" + i, author.id(),
					i % 3 == 0 ? null : "Teacher " + (i % 400), title, summary, i % 4 == 0 ? "REFLECTION" : "PDF",
					null, null, i % 4 == 0 ? null : "plan-" + i + ".pdf", i % 4 == 0 ? null : "application/pdf",
					i % 4 == 0 ? null : 120_000L, null, "Personalized Learning Microcredential",
					"Tier 4: Evidence of sharing", "Lesson plan or overview",
					List.of(standards.get(i % standards.size())),
					random.nextBoolean() ? List.of(clusters.get(i % 6)) : List.of(clusters.get(i % 6),
							clusters.get((i / 6) % 6)),
					PracticeLibrary.GRADE_BANDS.get(i % PracticeLibrary.GRADE_BANDS.size()),
					PracticeLibrary.SUBJECTS.get(i % PracticeLibrary.SUBJECTS.size()),
					demoPiece ? Audience.DISTRICT : Audience.CAIRN, null, "tier-4", now.minusSeconds(count - i),
					null).withFacets();
			pieces.add(piece);
			if (pieces.size() == BATCH) {
				mongo.insertAll(pieces).blockLast();
				pieces.clear();
				System.out.printf("%,d pieces%n", i + 1);
			}
		}
		if (!pieces.isEmpty()) {
			mongo.insertAll(pieces).blockLast();
		}
		// the search keys from every piece stored (the demo shared a few already)
		return rebuild();
	}

	/** Every search key again, from the pieces stored (the demo's too), as sharing them in order would leave them. */
	private long rebuild() {
		mongo.remove(new Query(), PracticeKey.class).block();
		mongo.remove(new Query(), PracticeKeyCount.class).block();
		Map<String, Audience> open = new HashMap<>();
		mongo.findAll(PracticeSettings.class).doOnNext(s -> open.put(s.id(), s.openTo())).blockLast();
		Map<String, List<PracticeKey.Posting>> postings = new HashMap<>();
		long[] entries = { 0 };
		mongo.find(new Query().with(org.springframework.data.domain.Sort.by("sharedAt")), PracticePiece.class)
			.doOnNext(piece -> {
				for (String key : PracticeKeys.keys(piece,
						piece.audience().narrower(open.getOrDefault(piece.districtId(), Audience.DISTRICT)))) {
					postings.computeIfAbsent(key, k -> new ArrayList<>()).add(PracticeLibrary.posting(piece));
					entries[0]++;
				}
			})
			.blockLast();
		insertKeys(postings);
		return entries[0];
	}

	private void insertKeys(Map<String, List<PracticeKey.Posting>> postings) {
		// the buckets and counters exactly as sharing one piece after another would leave them
		List<PracticeKey> buckets = new ArrayList<>();
		List<PracticeKeyCount> counts = new ArrayList<>();
		postings.forEach((key, list) -> {
			for (int from = 0; from < list.size(); from += PracticeKey.SIZE) {
				long bucket = from / PracticeKey.SIZE;
				buckets.add(new PracticeKey(PracticeKey.id(key, bucket), key, bucket,
						list.subList(from, Math.min(list.size(), from + PracticeKey.SIZE))));
			}
			counts.add(new PracticeKeyCount(key, list.size(), list.size()));
		});
		for (int from = 0; from < buckets.size(); from += 200) {
			mongo.insertAll(buckets.subList(from, Math.min(buckets.size(), from + 200))).blockLast();
		}
		mongo.insertAll(counts).blockLast();
		System.out.printf("%,d search keys in %,d buckets%n", counts.size(), buckets.size());
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String word() {
		// a skewed pick: the first topics are far more common than the last
		double u = random.nextDouble();
		return TOPICS[(int) (u * u * TOPICS.length)];
	}

	private String rare() {
		return RARE[random.nextInt(RARE.length)];
	}

}
