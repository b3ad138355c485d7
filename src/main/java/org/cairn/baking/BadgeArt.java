package org.cairn.baking;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.cairn.template.BadgePng;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The unbaked badge image in PNG and SVG. Template artwork is used when it is already in the wanted format (SVG
 * always as rebuilt by the template feature's allow-list, never as stored); SVG artwork is rasterized to PNG by
 * {@link BadgePng}, and only when that is impossible is a simple medallion in the district's colour with the title
 * drawn instead; PNG artwork is wrapped in an SVG {@code <image>}.
 */
public final class BadgeArt {

	private static final int SIZE = 400;

	/**
	 * Drawn medallions by title and colour. Drawing and PNG-encoding one costs tens of milliseconds and every baked
	 * image and badge image needs one; the result depends only on the key, so the cache never needs invalidating
	 * (a renamed template or a new brand colour is simply a new key). Bounded, least recently used out first.
	 */
	private static final Map<String, byte[]> DRAWN = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > 256;
		}

	});

	private BadgeArt() {
	}

	/** The badge image, blocking: for start-up, benchmarks and tests, never on a request path (see {@link #pngOf}). */
	public static byte[] png(String artwork, String title, String brandColor) {
		return pngOf(artwork, title, brandColor).toFuture().join();
	}

	/**
	 * The badge image without blocking the caller: rasterizing and drawing run on {@code boundedElastic}. A request
	 * path must use this, not {@link #png}: a blocked pool thread waiting for a render queued on the same pool is how
	 * many simultaneous first readers of a badge once stopped the service answering them.
	 */
	public static Mono<byte[]> pngOf(String artwork, String title, String brandColor) {
		DataUri data = DataUri.parse(artwork);
		if (data != null && data.mediaType().equals("image/png")) {
			return Mono.just(data.bytes());
		}
		// SVG artwork is rasterized by the template feature; the medallion is the fallback for unusable artwork.
		return BadgePng.png(artwork, SIZE)
			.switchIfEmpty(Mono.fromCallable(() -> drawPng(title, brandColor)).subscribeOn(Schedulers.boundedElastic()));
	}

	public static String svg(String artwork, String title, String brandColor) {
		DataUri data = DataUri.parse(artwork);
		if (data != null && data.mediaType().equals("image/svg+xml")) {
			// Never the stored bytes: the SVG rebuilt from the allow-list, so hostile artwork is inert when served.
			var safe = BadgePng.safeSvg(artwork);
			if (safe.isPresent()) {
				return new String(safe.get(), StandardCharsets.UTF_8);
			}
			data = null;
		}
		byte[] png = data != null && data.mediaType().equals("image/png") ? data.bytes() : drawPng(title, brandColor);
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"" + SIZE
				+ "\" height=\"" + SIZE + "\" viewBox=\"0 0 " + SIZE + " " + SIZE + "\">\n  <image width=\"" + SIZE
				+ "\" height=\"" + SIZE + "\" xlink:href=\"data:image/png;base64,"
				+ Base64.getEncoder().encodeToString(png) + "\"/>\n</svg>\n";
	}

	static byte[] drawPng(String title, String brandColor) {
		String key = brandColor + "\n" + title;
		byte[] drawn = DRAWN.get(key);
		if (drawn == null) {
			drawn = draw(title, brandColor);
			DRAWN.put(key, drawn);
		}
		return drawn.clone();
	}

	private static byte[] draw(String title, String brandColor) {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			Color brand = color(brandColor);
			g.setColor(brand);
			g.fill(new Ellipse2D.Double(10, 10, SIZE - 20, SIZE - 20));
			g.setColor(Color.WHITE);
			g.setStroke(new BasicStroke(8));
			g.draw(new Ellipse2D.Double(30, 30, SIZE - 60, SIZE - 60));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
			FontMetrics metrics = g.getFontMetrics();
			List<String> lines = wrap(title == null ? "" : title, metrics, SIZE - 110);
			int lineHeight = metrics.getHeight();
			int y = SIZE / 2 - (lines.size() * lineHeight) / 2 + metrics.getAscent();
			for (String line : lines) {
				g.drawString(line, (SIZE - metrics.stringWidth(line)) / 2, y);
				y += lineHeight;
			}
		}
		finally {
			g.dispose();
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> wrap(String text, FontMetrics metrics, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
			if (lines.size() == 5) {
				break;
			}
		}
		if (!line.isEmpty() && lines.size() < 6) {
			lines.add(line.toString());
		}
		return lines;
	}

	static Color color(String hex) {
		try {
			return hex != null && hex.matches("#[0-9a-fA-F]{6}") ? Color.decode(hex) : new Color(0x1f6f5c);
		}
		catch (NumberFormatException ex) {
			return new Color(0x1f6f5c);
		}
	}

	/** A parsed {@code data:} URI (base64 or percent-encoded). */
	public record DataUri(String mediaType, byte[] bytes) {

		public static DataUri parse(String uri) {
			if (uri == null || !uri.startsWith("data:")) {
				return null;
			}
			int comma = uri.indexOf(',');
			if (comma < 0) {
				return null;
			}
			String meta = uri.substring(5, comma);
			String payload = uri.substring(comma + 1);
			String type = meta.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
			try {
				byte[] bytes = meta.endsWith(";base64") ? Base64.getDecoder().decode(payload)
						: java.net.URLDecoder.decode(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
				return new DataUri(type, bytes);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
