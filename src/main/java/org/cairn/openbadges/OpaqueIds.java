package org.cairn.openbadges;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Public document ids: 22 URL-safe characters that cannot be guessed. Never a database id of another record, so
 * public URLs reveal nothing about how many badges exist.
 */
public final class OpaqueIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The URL-safe base64 characters in ASCII order, so ids written with them sort like the numbers they encode. */
	private static final char[] SORTED = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	/** Added to the time so that its first character is a letter ('c') rather than '-' until the year 2109. */
	private static final long TIME_SHIFT = 40L << 42;

	private OpaqueIds() {
	}

	/** 128 random bits. */
	public static String next() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * An id that sorts after the ids made before it (to the millisecond): 8 characters of the millisecond time, then
	 * 14 characters of 84 random bits, so it is as unguessable as a UUID (74 random bits in a version 7 UUID) and has
	 * the same length and characters as {@link #next()}. For records inserted in bulk: the embedded store keeps
	 * documents and the {@code _id} index in B-trees ordered by id, and a random id puts every insert on a random
	 * page, which is read back and rewritten whole; ordered ids append to the last page. The creation time is
	 * visible in the id, to the millisecond.
	 */
	public static String timeOrdered() {
		return timeOrdered(System.currentTimeMillis());
	}

	static String timeOrdered(long epochMillis) {
		char[] id = new char[22];
		long time = epochMillis + TIME_SHIFT;
		for (int i = 7; i >= 0; i--) {
			id[i] = SORTED[(int) (time & 63)];
			time >>>= 6;
		}
		byte[] random = new byte[11];
		RANDOM.nextBytes(random);
		long high = 0;
		for (int i = 0; i < 7; i++) {
			high = high << 8 | (random[i] & 0xff); // 56 bits
		}
		long low = 0;
		for (int i = 7; i < 11; i++) {
			low = low << 8 | (random[i] & 0xff); // 32 bits, 28 used
		}
		for (int i = 0; i < 9; i++) { // 54 bits of high
			id[8 + i] = SORTED[(int) (high >>> (50 - 6 * i) & 63)];
		}
		for (int i = 0; i < 5; i++) { // 30 bits of low
			id[17 + i] = SORTED[(int) (low >>> (24 - 6 * i) & 63)];
		}
		return new String(id);
	}

}
