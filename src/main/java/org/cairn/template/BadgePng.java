package org.cairn.template;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.xml.stream.XMLInputFactory;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.ViewBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Template artwork as the PNG that Open Badges images are (and that PNG baking needs). SVG artwork is rasterized
 * with JSVG, a static renderer that runs no script and, with the policy here, loads nothing from outside the
 * document. Rendering is CPU work: call it on {@code Schedulers.boundedElastic()}.
 * <p>
 * Everything is drawn into an off-screen {@link BufferedImage}, which needs no display; the class makes sure the
 * JVM runs AWT headless (as Spring Boot does) when nothing said otherwise, so a server without X11 works.
 */
public final class BadgePng {

	/** The size issuing uses for badge images, in pixels (square). */
	public static final int DEFAULT_SIZE = 400;

	public static final int MIN_SIZE = 32;

	public static final int MAX_SIZE = 1024;

	private static final Logger log = LoggerFactory.getLogger(BadgePng.class);

	/**
	 * Recently rendered images by size and artwork. The key is the content itself, so an entry can never be stale
	 * and needs no invalidation across instances; public badge images are served from here after the first hit.
	 */
	private static final Map<String, byte[]> RENDERED = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f,
			true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > 64;
		}
	});

	static {
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private BadgePng() {
	}

	/**
	 * The artwork (a {@code data:} URI) as a square PNG of {@code size} pixels. PNG artwork is returned as it is;
	 * SVG artwork is checked by the same rules as on input (no script, no external references, no DOCTYPE) and
	 * rendered. Empty when the artwork is missing, unsafe or cannot be rendered, so the caller can draw a fallback.
	 */
	public static Optional<byte[]> render(String artwork, int size) {
		if (size < MIN_SIZE || size > MAX_SIZE || Artwork.problem(artwork).isPresent()) {
			return Optional.empty();
		}
		String[] parts = artwork.split(",", 2);
		byte[] bytes = Base64.getDecoder().decode(parts[1]);
		if (parts[0].startsWith("data:image/png")) {
			return Optional.of(bytes);
		}
		String key = size + ":" + sha256(bytes);
		byte[] cached = RENDERED.get(key);
		if (cached != null) {
			return Optional.of(cached.clone());
		}
		try {
			byte[] png = svgToPng(bytes, size);
			RENDERED.put(key, png);
			return Optional.of(png.clone());
		}
		catch (RuntimeException | IOException | LinkageError | InternalError ex) {
			// e.g. a JVM without fonts: the badge still gets the fallback image instead of an error.
			log.warn("Cannot render SVG artwork: {}", ex.toString());
			return Optional.empty();
		}
	}

	static byte[] svgToPng(byte[] svg, int size) throws IOException {
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
			document.render(null, g, new ViewBox(0, 0, size, size));
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static String sha256(byte[] bytes) {
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

}
