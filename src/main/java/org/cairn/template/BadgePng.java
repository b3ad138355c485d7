package org.cairn.template;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.xml.stream.XMLInputFactory;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.renderer.NullPlatformSupport;
import com.github.weisj.jsvg.renderer.output.Output;
import com.github.weisj.jsvg.view.ViewBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Template artwork as the PNG that Open Badges images are (and that PNG baking needs), and as the inert SVG that
 * is served. SVG artwork is always rebuilt by {@link SvgSanitizer} first (also artwork stored before the allow-list
 * existed), then rasterized with JSVG, a static renderer that runs no script and, with the policy here, loads
 * nothing from outside the document.
 * <p>
 * Each artwork is rendered <em>once</em>, at the largest size, under a CPU-time budget ({@link #RENDER_BUDGET}) that
 * also stops the render when nobody waits for it any more (the request was cancelled); other sizes are scaled from
 * that one image. Concurrent requests for the same artwork share one render. Caches are keyed by the hash of the
 * cleaned SVG, so an entry is never stale and another instance simply renders its own copy; artwork that ran out
 * of budget is remembered as unrenderable for ten minutes, so it costs one budget per instance and period, not one
 * per request.
 * <p>
 * Everything is drawn into an off-screen {@link BufferedImage}, which needs no display; the class makes sure the
 * JVM runs AWT headless (as Spring Boot does) when nothing said otherwise, so a server without X11 works.
 */
public final class BadgePng {

	/** The size issuing uses for badge images, in pixels (square). */
	public static final int DEFAULT_SIZE = 400;

	public static final int MIN_SIZE = 32;

	public static final int MAX_SIZE = 1024;

	/** CPU time one artwork may take to draw at {@link #MAX_SIZE}; library artwork takes well under a second. */
	static final Duration RENDER_BUDGET = Duration.ofSeconds(4);

	private static final Logger log = LoggerFactory.getLogger(BadgePng.class);

	/** The one full-size render of each artwork, as PNG, by hash of the cleaned SVG. */
	private static final Map<String, byte[]> MASTERS = lru(16);

	/** Scaled images by size and hash; public badge images are served from here after the first hit. */
	private static final Map<String, byte[]> SIZED = lru(64);

	/**
	 * Artwork whose render ran out of budget (or failed), with when to try again: drawn as the fallback meanwhile,
	 * so a hostile artwork costs one budget per instance and ten minutes, while art that only met a busy moment
	 * gets another chance.
	 */
	private static final Map<String, Long> UNRENDERABLE = lru(256);

	private static final long RETRY_NANOS = Duration.ofMinutes(10).toNanos();

	private static final Map<String, Mono<byte[]>> IN_FLIGHT = new ConcurrentHashMap<>();

	static {
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private BadgePng() {
	}

	/**
	 * The artwork (a {@code data:} URI) as a square PNG of {@code size} pixels, blocking: call it on
	 * {@code Schedulers.boundedElastic()}. Empty when the artwork is missing, unusable, or could not be drawn within
	 * the budget, so the caller can draw a fallback.
	 */
	public static Optional<byte[]> render(String artwork, int size) {
		// join, not block(): a caller on the wrong thread waits (as rendering in place did) instead of failing
		return Optional.ofNullable(png(artwork, size).toFuture().join());
	}

	/**
	 * The same as {@link #render}, without blocking: rendering runs on {@code boundedElastic}, and cancelling the
	 * subscription (a client that went away) stops the render unless another request still waits for it.
	 */
	public static Mono<byte[]> png(String artwork, int size) {
		if (size < MIN_SIZE || size > MAX_SIZE || artwork == null) {
			return Mono.empty();
		}
		if (!Artwork.isSvg(artwork)) {
			// PNG artwork is served as it is once it passes the input rules (signature and declared size).
			return Artwork.problem(artwork).isPresent() || !artwork.startsWith("data:image/png") ? Mono.empty()
					: Mono.just(Base64.getDecoder().decode(artwork.substring(artwork.indexOf(',') + 1)));
		}
		Optional<byte[]> svg = Artwork.servable(artwork);
		if (svg.isEmpty()) {
			return Mono.empty();
		}
		String hash = sha256(svg.get());
		String key = size + ":" + hash;
		byte[] sized = SIZED.get(key);
		if (sized != null) {
			return Mono.just(sized.clone());
		}
		return master(hash, svg.get(), RENDER_BUDGET)
			.flatMap(master -> Mono.fromCallable(() -> size == MAX_SIZE ? master : scale(master, size))
				.subscribeOn(Schedulers.boundedElastic()))
			.doOnNext(png -> SIZED.put(key, png))
			.map(byte[]::clone);
	}

	/**
	 * The artwork as the SVG Cairn serves: rebuilt from the allow-list, whatever was stored. Empty when the artwork
	 * is not SVG or nothing usable is left of it.
	 */
	public static Optional<byte[]> safeSvg(String artwork) {
		return Artwork.servable(artwork);
	}

	/** The full-size render of the cleaned SVG, shared by everyone asking for it at the same time. */
	static Mono<byte[]> master(String hash, byte[] svg, Duration budget) {
		byte[] cached = MASTERS.get(hash);
		if (cached != null) {
			return Mono.just(cached);
		}
		if (givenUp(hash)) {
			return Mono.empty();
		}
		return IN_FLIGHT.computeIfAbsent(hash, h -> Mono.defer(() -> {
			AtomicBoolean cancelled = new AtomicBoolean();
			return Mono.fromCallable(() -> renderMaster(h, svg, RenderBudget.of(budget, cancelled)))
				.subscribeOn(Schedulers.boundedElastic())
				.doOnCancel(() -> cancelled.set(true));
		}).doFinally(signal -> IN_FLIGHT.remove(h)).flux().publish().refCount(1).next());
	}

	/** Whether a full-size render of this hash is known: drawn, or given up on. For tests. */
	static boolean settled(String hash) {
		return MASTERS.containsKey(hash) || UNRENDERABLE.containsKey(hash);
	}

	private static boolean givenUp(String hash) {
		Long until = UNRENDERABLE.get(hash);
		return until != null && System.nanoTime() - until < 0;
	}

	static boolean inFlight(String hash) {
		return IN_FLIGHT.containsKey(hash);
	}

	private static byte[] renderMaster(String hash, byte[] svg, RenderBudget budget) {
		byte[] cached = MASTERS.get(hash);
		if (cached != null || givenUp(hash)) {
			return cached;
		}
		try {
			byte[] png = svgToPng(svg, MAX_SIZE, budget);
			MASTERS.put(hash, png);
			return png;
		}
		catch (RenderBudget.Exceeded ex) {
			if (ex.timedOut()) {
				log.warn("SVG artwork {} took longer than {} to draw; it is shown as the fallback image", hash,
						RENDER_BUDGET);
				UNRENDERABLE.put(hash, System.nanoTime() + RETRY_NANOS);
			}
			return null;
		}
		catch (RuntimeException | IOException | LinkageError | InternalError ex) {
			// e.g. a JVM without fonts: the badge still gets the fallback image instead of an error.
			log.warn("Cannot render SVG artwork: {}", ex.toString());
			UNRENDERABLE.put(hash, System.nanoTime() + RETRY_NANOS);
			return null;
		}
	}

	static byte[] svgToPng(byte[] svg, int size, RenderBudget budget) throws IOException {
		SVGDocument document = load(svg);
		if (document == null) {
			throw new IOException("not renderable SVG");
		}
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			budget.check();
			document.renderWithPlatform(NullPlatformSupport.INSTANCE,
					new BudgetedOutput(Output.createForGraphics(g), budget), new ViewBox(0, 0, size, size));
		}
		finally {
			g.dispose();
		}
		return encode(image);
	}

	/** Scales the full-size render down in halving steps, which keeps thin lines smooth. */
	private static byte[] scale(byte[] master, int size) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(master));
			while (image.getWidth() > size) {
				int next = Math.max(size, image.getWidth() / 2);
				BufferedImage smaller = new BufferedImage(next, next, BufferedImage.TYPE_INT_ARGB);
				Graphics2D g = smaller.createGraphics();
				try {
					g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
					g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
					g.drawImage(image, 0, 0, next, next, null);
				}
				finally {
					g.dispose();
				}
				image = smaller;
			}
			return encode(image);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] encode(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A StAX reader that refuses DTDs and external entities, and a loader that resolves no resource at all. */
	private static SVGDocument load(byte[] svg) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		LoaderContext context = LoaderContext.builder().externalResourcePolicy(ResourcePolicy.DENY_ALL).build();
		return new SVGLoader().load(() -> factory.createXMLEventReader(new ByteArrayInputStream(svg)), null,
				context);
	}

	private static <V> Map<String, V> lru(int entries) {
		return Collections.synchronizedMap(new LinkedHashMap<>(entries, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > entries;
			}
		});
	}

}
