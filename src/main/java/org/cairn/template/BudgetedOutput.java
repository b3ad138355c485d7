package org.cairn.template;

import java.awt.Image;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ImageObserver;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.weisj.jsvg.renderer.output.Output;
import com.github.weisj.jsvg.renderer.output.TextOutput;

/**
 * A JSVG output that checks a {@link RenderBudget} before every drawing step, so a render stops part-way when it
 * runs out of time or its request goes away, instead of burning a CPU to the end.
 */
final class BudgetedOutput implements Output {

	private final Output delegate;

	private final RenderBudget budget;

	BudgetedOutput(Output delegate, RenderBudget budget) {
		this.delegate = delegate;
		this.budget = budget;
	}

	@Override
	public void fillShape(Shape shape) {
		budget.check();
		delegate.fillShape(shape);
	}

	@Override
	public void drawShape(Shape shape) {
		budget.check();
		delegate.drawShape(shape);
	}

	@Override
	public void drawImage(BufferedImage image) {
		budget.check();
		delegate.drawImage(image);
	}

	@Override
	public void drawImage(Image image, ImageObserver observer) {
		budget.check();
		delegate.drawImage(image, observer);
	}

	@Override
	public void drawImage(Image image, AffineTransform transform, ImageObserver observer) {
		budget.check();
		delegate.drawImage(image, transform, observer);
	}

	@Override
	public void setPaint(Paint paint) {
		delegate.setPaint(paint);
	}

	@Override
	public void setPaint(Supplier<Paint> paint) {
		budget.check();
		delegate.setPaint(paint);
	}

	@Override
	public void setStroke(Stroke stroke) {
		delegate.setStroke(stroke);
	}

	@Override
	public Stroke stroke() {
		return delegate.stroke();
	}

	@Override
	public void applyClip(Shape shape) {
		delegate.applyClip(shape);
	}

	@Override
	public void setClip(Shape shape) {
		delegate.setClip(shape);
	}

	@Override
	public Optional<Float> contextFontSize() {
		return delegate.contextFontSize();
	}

	@Override
	public Output createChild() {
		budget.check();
		return new BudgetedOutput(delegate.createChild(), budget);
	}

	@Override
	public void dispose() {
		delegate.dispose();
	}

	@Override
	public void debugPaint(Consumer<java.awt.Graphics2D> painter) {
		delegate.debugPaint(painter);
	}

	@Override
	public Rectangle2D clipBounds() {
		return delegate.clipBounds();
	}

	@Override
	public RenderingHints renderingHints() {
		return delegate.renderingHints();
	}

	@Override
	public Object renderingHint(RenderingHints.Key key) {
		return delegate.renderingHint(key);
	}

	@Override
	public void setRenderingHint(RenderingHints.Key key, Object value) {
		delegate.setRenderingHint(key, value);
	}

	@Override
	public AffineTransform transform() {
		return delegate.transform();
	}

	@Override
	public void setTransform(AffineTransform transform) {
		delegate.setTransform(transform);
	}

	@Override
	public void applyTransform(AffineTransform transform) {
		delegate.applyTransform(transform);
	}

	@Override
	public void rotate(double angle) {
		delegate.rotate(angle);
	}

	@Override
	public void scale(double sx, double sy) {
		delegate.scale(sx, sy);
	}

	@Override
	public void translate(double dx, double dy) {
		delegate.translate(dx, dy);
	}

	@Override
	public float currentOpacity() {
		return delegate.currentOpacity();
	}

	@Override
	public void applyOpacity(float opacity) {
		delegate.applyOpacity(opacity);
	}

	@Override
	public SafeState safeState() {
		return delegate.safeState();
	}

	@Override
	public TextOutput textOutput() {
		return delegate.textOutput();
	}

	@Override
	public boolean supportsFilters() {
		return delegate.supportsFilters();
	}

	@Override
	public boolean supportsColors() {
		return delegate.supportsColors();
	}

	@Override
	public boolean isSoftClippingEnabled() {
		return delegate.isSoftClippingEnabled();
	}

	@Override
	public boolean hasMaskedPaint() {
		return delegate.hasMaskedPaint();
	}

}
