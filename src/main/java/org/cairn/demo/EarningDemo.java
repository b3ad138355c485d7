package org.cairn.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.cairn.account.CairnUser;
import org.cairn.account.PersonRepository;
import org.cairn.enrollment.Enrollment;
import org.cairn.enrollment.EnrollmentState;
import org.cairn.enrollment.Enrollments;
import org.cairn.enrollment.Proposal;
import org.cairn.enrollment.ProposalDecision;
import org.cairn.review.Attempt;
import org.cairn.review.Reviews;
import org.cairn.review.Score;
import org.cairn.review.Submission;
import org.cairn.review.SubmissionState;
import org.cairn.evidence.Evidence;
import org.cairn.evidence.EvidenceService;
import org.cairn.evidence.EvidenceType;
import org.cairn.template.ArtifactKind;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

/**
 * Demo earning through the same services the API uses. The second demo teacher passed tier 1 of Parkway and is
 * drafting tier 2, and had tier 1 of Formative Assessment returned with feedback; the third passed tiers 1 and 2 of
 * Parkway (two awards and $150 of stipends, which {@link IssuingDemo} then issues) and is drafting tier 3. The
 * first teacher is left untouched, so a newcomer (and the browser journeys in {@code frontend/e2e}) can start
 * Parkway from the proposal, and assessor1's queue holds only what they submit. Every step first looks at what
 * exists and only does what is missing, so restarts (or a start that stopped half-way) end in the same state.
 */
@Component
@Order(20)
class EarningDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(EarningDemo.class);

	static final String PARKWAY = "parkway-personalized-learning";

	static final String FORMATIVE = "formative-assessment";

	/** One demo teacher (by position in {@link DemoDistrictSeeded#teacherIds()}) on one microcredential. */
	record Play(int teacher, String libraryKey, List<Step> tiers) {
	}

	static final List<Play> PLAYS = List.of(new Play(1, PARKWAY, List.of(Step.PASS, Step.DRAFT)),
			new Play(1, FORMATIVE, List.of(Step.RETURN)),
			new Play(2, PARKWAY, List.of(Step.PASS, Step.PASS, Step.DRAFT)));

	enum Step {

		/** Evidence saved, not submitted. */
		DRAFT,
		/** Submitted and left waiting for the assessor. */
		SUBMIT,
		RETURN, PASS

	}

	private static final String TOPIC = "Student-led goal setting in Grade 6 mathematics";

	private static final String PASSAGE = "Reading the two resources changed how I think about goal setting. My students "
			+ "set goals before, but the goals were mine, written on the board. The research on self-regulated learning "
			+ "showed me that a goal works when the student can see the next step and check it alone. So each student "
			+ "now keeps a short tracker, chooses one skill for the week, and reflects on Friday with a partner. I "
			+ "noticed quieter students talking about their own progress for the first time, and the exit tickets "
			+ "show fewer blank answers. I still need to make the trackers quicker to fill in, and to plan what to do "
			+ "when a goal is too big.";

	private final Enrollments enrollments;

	private final EvidenceService evidence;

	private final Reviews reviews;

	private final PersonRepository people;

	private final TemplateLookup templates;

	EarningDemo(Enrollments enrollments, EvidenceService evidence, Reviews reviews, PersonRepository people,
			TemplateLookup templates) {
		this.enrollments = enrollments;
		this.evidence = evidence;
		this.reviews = reviews;
		this.people = people;
		this.templates = templates;
	}

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		return user(event.adminId()).flatMap(admin -> Flux.fromIterable(PLAYS)
			.filter(play -> play.teacher() < event.teacherIds().size())
			.concatMap(play -> templates.publishedFromLibrary(event.districtId(), play.libraryKey())
				.switchIfEmpty(Mono.fromRunnable(() -> log.warn(
						"Demo earning: the demo district has no published {}; skipped", play.libraryKey())))
				.flatMap(template -> user(event.teacherIds().get(play.teacher()))
					.flatMap(teacher -> play(play.tiers(), teacher, admin, template))))
			.then());
	}

	Mono<Void> play(List<Step> steps, CairnUser teacher, CairnUser admin, Template template) {
		return enrollments.start(teacher, template.id())
			.flatMap(started -> approved(started.enrollment(), teacher, admin))
			.flatMap(enrollment -> {
				if (enrollment.state() != EnrollmentState.ACTIVE && enrollment.state() != EnrollmentState.COMPLETED) {
					log.warn("Demo earning: {}'s enrolment is {}, not active; skipped", teacher.email(),
							enrollment.state());
					return Mono.empty();
				}
				return Flux.range(0, Math.min(steps.size(), template.tiers().size()))
					.concatMap(i -> tier(steps.get(i), enrollment, template.tiers().get(i), teacher, admin, template))
					.then();
			});
	}

	private Mono<Enrollment> approved(Enrollment enrollment, CairnUser teacher, CairnUser admin) {
		Mono<Enrollment> proposed = enrollment.state() == EnrollmentState.PROPOSING
				|| enrollment.state() == EnrollmentState.RETURNED
						? enrollments.propose(teacher, enrollment.id(), new Proposal(TOPIC,
								List.of("Zimmerman, Becoming a Self-Regulated Learner (article, Theory Into Practice)",
										"District PD day session on student goal setting (one-time event)"),
								"Introduce weekly goal trackers in two Grade 6 classes for eight weeks, with a Friday "
										+ "partner reflection, and compare exit-ticket completion before and after."))
						: Mono.just(enrollment);
		return proposed.flatMap(current -> current.state() == EnrollmentState.PROPOSED
				? enrollments.decide(admin, current.id(), new ProposalDecision(ProposalDecision.Outcome.APPROVE,
						"Approved: a clear plan with measurable evidence."))
				: Mono.just(current));
	}

	private Mono<Void> tier(Step step, Enrollment enrollment, Tier tier, CairnUser teacher, CairnUser admin,
			Template template) {
		Mono<Submission> submitted = reviews.find(enrollment.id(), tier.key())
			.switchIfEmpty(Mono.defer(() -> draft(enrollment, tier, teacher)
				.then(step == Step.DRAFT ? Mono.<Submission>empty()
						: evidence.submitTier(teacher, enrollment.id(), tier.key())
							.flatMap(submission -> step == Step.PASS
									? publishOnePiece(enrollment, tier, teacher).thenReturn(submission)
									: Mono.just(submission)))));
		// decided already, or resubmitted by someone clicking through the demo: theirs to decide
		return submitted
			.filter(submission -> submission.state() == SubmissionState.SUBMITTED && submission.attempt() == 1
					&& step != Step.SUBMIT && step != Step.DRAFT)
			.flatMap(submission -> {
				boolean pass = step == Step.PASS;
				Mono<CairnUser> decider = submission.assessorId() != null ? user(submission.assessorId())
						: Mono.just(admin);
				return decider.flatMap(who -> reviews.decide(who, submission.id(), new Reviews.DecisionBody(
						submission.attempt(), pass ? Attempt.Outcome.PASS : Attempt.Outcome.RETURN,
						scores(template, tier, pass), pass ? "Strong, specific evidence. Well done."
								: "A good start: see the feedback on each criterion.")));
			})
			.then();
	}

	/**
	 * The teacher shows one piece with the badge (a file if the tier has one, else the reflection), chosen before
	 * the decision as in the web app, so the demo's public badge pages show published evidence.
	 */
	private Mono<Void> publishOnePiece(Enrollment enrollment, Tier tier, CairnUser teacher) {
		return evidence.list(teacher, enrollment.id(), tier.key())
			.filter(piece -> piece.type() == EvidenceType.FILE || piece.type() == EvidenceType.TEXT)
			.sort(Comparator.comparing((Evidence e) -> e.type() == EvidenceType.FILE ? 0 : 1)
				.thenComparing(Evidence::id))
			.next()
			.flatMap(piece -> evidence.setPublic(teacher, piece.id(), true))
			.then();
	}

	/** Every criterion at the passing level; a return marks the first criterion of the tier below it. */
	private static List<Score> scores(Template template, Tier tier, boolean pass) {
		int passing = template.scale() == null ? 1 : template.scale().passingLevel();
		List<Score> scores = new ArrayList<>();
		boolean lowered = false;
		for (Requirement r : tier.requirements()) {
			int minimum = r.passRule() != null ? r.passRule().minimumLevel() : passing;
			for (RubricCriterion c : r.criteria()) {
				boolean low = !pass && !lowered;
				lowered |= low;
				scores.add(new Score(r.key(), c.key(), low ? Math.max(0, minimum - 1) : minimum,
						low ? "Say more about what changed for your students, with one concrete example."
								: "Meets the criterion."));
			}
		}
		return scores;
	}

	/** Evidence that meets every requirement of the tier. */
	private Mono<Void> draft(Enrollment enrollment, Tier tier, CairnUser teacher) {
		return Flux.fromIterable(tier.requirements()).concatMap(r -> {
			int items = r.minItems() == null ? 1 : Math.max(1, r.minItems());
			return switch (r.kind()) {
				case REFLECTION -> evidence
					.saveReflection(teacher, enrollment.id(), tier.key(), r.key(), words(wordsFor(r)))
					.then();
				case LINKS -> evidence.saveLinks(teacher, enrollment.id(), tier.key(), r.key(), links(items)).then();
				case ARTIFACTS, DATA, VIDEO -> Flux.range(1, items)
					.concatMap(n -> upload(enrollment, tier, r, teacher, n))
					.then();
				default -> Mono.<Void>fromRunnable(
						() -> log.info("Demo earning: nothing drafted for {} requirement {}", r.kind(), r.key()));
			};
		}).then();
	}

	private Mono<Void> upload(Enrollment enrollment, Tier tier, Requirement r, CairnUser teacher, int n) {
		Set<ArtifactKind> allowed = EvidenceService.allowedKinds(r);
		String name;
		Mono<byte[]> bytes;
		if (allowed.contains(ArtifactKind.IMAGE)) {
			name = (r.kind() == RequirementKind.DATA ? "exit-tickets-chart-" : "classroom-") + n + ".png";
			// image and PDF work is CPU and AWT work: off the event loop
			bytes = Mono.fromCallable(() -> png(n)).subscribeOn(Schedulers.boundedElastic());
		}
		else if (allowed.contains(ArtifactKind.PDF)) {
			name = "lesson-plan-" + n + ".pdf";
			bytes = Mono.fromCallable(() -> pdf("Goal-setting lesson plan " + n)).subscribeOn(Schedulers.boundedElastic());
		}
		else if (allowed.contains(ArtifactKind.TEXT)) {
			name = "exit-tickets-" + n + ".csv";
			bytes = Mono.just("student,before,after\r\nA,4,7\r\nB,5,8\r\nC,3,6\r\n".getBytes(StandardCharsets.UTF_8));
		}
		else {
			return Mono.fromRunnable(() -> log.info("Demo earning: no demo file of a kind {} accepts", r.key()));
		}
		return bytes.flatMap(content -> evidence.upload(teacher, enrollment.id(), tier.key(), r.key(), name,
				(long) content.length, Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content))))
			.then();
	}

	private static int wordsFor(Requirement r) {
		int min = r.minWords() == null ? 150 : r.minWords();
		int max = r.maxWords() == null ? min + 100 : r.maxWords();
		return (min + max) / 2;
	}

	/** The demo passage, repeated and cut to exactly {@code n} words. */
	static String words(int n) {
		String[] passage = PASSAGE.split("\\s+");
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < n; i++) {
			text.append(i == 0 ? "" : (i % passage.length == 0 ? "\n\n" : " ")).append(passage[i % passage.length]);
		}
		return text.toString();
	}

	private static List<String> links(int n) {
		List<String> all = List.of("https://doi.org/10.1207/s15430421tip4102_2",
				"https://learningforward.org/standards-for-professional-learning/",
				"https://www.edutopia.org/article/student-goal-setting", "https://danielsongroup.org/",
				"https://ies.ed.gov/ncee/wwc/");
		return all.subList(0, Math.min(all.size(), Math.max(1, n)));
	}

	private static byte[] png(int n) {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(new Color(0xF4F1EA));
			g.fillRect(0, 0, 320, 200);
			g.setColor(new Color(0x1F6F5C));
			for (int bar = 0; bar < 6; bar++) {
				int h = 30 + ((bar * 37 + n * 23) % 140);
				g.fillRect(20 + bar * 50, 190 - h, 36, h);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] pdf(String title) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document();
		PdfWriter.getInstance(document, out);
		document.open();
		document.add(new Paragraph(title));
		document.add(new Paragraph(PASSAGE));
		document.close();
		return out.toByteArray();
	}

	Mono<CairnUser> user(String personId) {
		return people.findById(personId)
			.map(p -> new CairnUser(p.id(), p.districtId(), p.email(), p.displayName(), p.roles(), p.platformAdmin(), false));
	}

}
