package org.cairn.paging;

import org.cairn.problem.ProblemException;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One page of a list the API returns: {@code ?page=0&size=…}. Every list that grows with a district is read a page
 * at a time, so no answer (and no read of the store) grows with the district; a client asks for the next page while
 * the last one was full.
 *
 * @param page from 0
 * @param size at most {@link #MAX_SIZE}
 */
public record ListPage(int page, int size) {

	public static final int MAX_SIZE = 500;

	public static final String DEFAULT_SIZE = "" + MAX_SIZE;

	/** Checked request parameters; a wrong one is a 400 in words. */
	public static ListPage of(int page, int size) {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw ProblemException.invalid("size", "page must be 0 or more and size between 1 and " + MAX_SIZE + ".");
		}
		return new ListPage(page, size);
	}

	public Query apply(Query query) {
		return query.skip((long) page * size).limit(size);
	}

	/**
	 * This page of a list already in order, for the few short lists sorted where the store cannot (a district's
	 * templates by title without case): the answer is a page even where the read is the whole, small list.
	 */
	public <T> java.util.List<T> of(java.util.List<T> ordered) {
		long from = Math.min((long) page * size, ordered.size());
		return ordered.subList((int) from, (int) Math.min(from + size, ordered.size()));
	}

	public Pageable pageable(Sort sort) {
		return PageRequest.of(page, size, sort);
	}

}
