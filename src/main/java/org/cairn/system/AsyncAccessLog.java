package org.cairn.system;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes the access log ({@link RequestIds}, one line per request) from a queue on a thread of its own, into the same
 * appenders as every other log line (console, a file when {@code logging.file.name} is set; plain or structured
 * alike). Laying out and writing the line on the event loop was about a twentieth of each public request's time in
 * the profile (docs/issuing.md, "Where the time goes"); the line itself is unchanged: its message, key-value pairs,
 * time and thread are captured when the request ends. No line is dropped: when the queue is full, the request thread
 * waits for room, as it waited for the write before.
 */
@Component
class AsyncAccessLog {

	static final String APPENDER = "ASYNC_ACCESS";

	private static final int QUEUE = 8192;

	AsyncAccessLog() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return; // another logging backend: it keeps writing synchronously
		}
		Logger access = context.getLogger(RequestIds.ACCESS_LOGGER);
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		synchronized (context) {
			if (access.getAppender(APPENDER) != null || !root.iteratorForAppenders().hasNext()) {
				return;
			}
			AsyncAppender async = new AsyncAppender();
			async.setName(APPENDER);
			async.setContext(context);
			async.setQueueSize(QUEUE);
			async.setDiscardingThreshold(0);
			async.setNeverBlock(false);
			async.setIncludeCallerData(false);
			root.iteratorForAppenders().forEachRemaining(async::addAppender);
			async.start();
			access.addAppender(async);
			access.setAdditive(false);
		}
	}

}
