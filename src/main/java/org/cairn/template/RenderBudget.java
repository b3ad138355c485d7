package org.cairn.template;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How much CPU one artwork render may use, and whether whoever asked for it is still waiting. Checked between
 * drawing steps ({@link BudgetedOutput}); filter parameters are capped by {@link SvgSanitizer}, so no single step is
 * long. The budget counts the rendering thread's CPU time (JSVG draws on one thread), not wall time: what is
 * bounded is the work an artwork can cost, and art does not fail merely because the machine is busy. Where the JVM
 * cannot measure thread CPU time, wall time is used.
 * <p>
 * Create it on the thread that renders.
 */
record RenderBudget(long budgetNanos, long start, AtomicBoolean cancelled) {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported()
			&& THREADS.isThreadCpuTimeEnabled();

	static RenderBudget of(Duration budget, AtomicBoolean cancelled) {
		return new RenderBudget(budget.toNanos(), now(), cancelled);
	}

	void check() {
		if (cancelled.get() || Thread.currentThread().isInterrupted()) {
			throw new Exceeded(false);
		}
		if (now() - start >= budgetNanos) {
			throw new Exceeded(true);
		}
	}

	private static long now() {
		return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
	}

	/** The render was stopped: out of budget ({@code timedOut}) or nobody waits for it any more. */
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
