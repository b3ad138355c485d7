package org.cairn.template;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long one artwork render may take, and whether whoever asked for it is still waiting. Checked between drawing
 * steps ({@link BudgetedOutput}); filter parameters are capped by {@link SvgSanitizer}, so no single step is long.
 */
record RenderBudget(long deadlineNanos, AtomicBoolean cancelled) {

	static RenderBudget of(Duration budget, AtomicBoolean cancelled) {
		return new RenderBudget(System.nanoTime() + budget.toNanos(), cancelled);
	}

	void check() {
		if (cancelled.get() || Thread.currentThread().isInterrupted()) {
			throw new Exceeded(false);
		}
		if (System.nanoTime() - deadlineNanos >= 0) {
			throw new Exceeded(true);
		}
	}

	/** The render was stopped: out of time ({@code timedOut}) or nobody waits for it any more. */
	static final class Exceeded extends RuntimeException {

		private final boolean timedOut;

		Exceeded(boolean timedOut) {
			super(timedOut ? "render budget exceeded" : "render cancelled", null, false, false);
			this.timedOut = timedOut;
		}

		boolean timedOut() {
			return timedOut;
		}

	}

}
