package org.cairn.system;

import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Encodes index values as strings whose natural order is MongoDB's sort order (null, numbers, strings, ObjectIds,
 * booleans, dates), so a persisted sorted map can serve equality prefixes and sorted ranges. Every component is
 * self-delimiting, and no encoded key contains {@code \uffff}, so {@code prefix + "\uffff"} is above every key that
 * starts with a prefix.
 */
final class IndexOrder {

	static final char END = '\uffff';

	private IndexOrder() {
	}

	/** Whether a query value is a plain value an index answers by equality (not an operator, a regex or an array). */
	static boolean isEqualityValue(Object value) {
		return value instanceof String || value instanceof Number || value instanceof ObjectId
				|| value instanceof Boolean || value instanceof Date || value instanceof Instant;
	}

	static void append(StringBuilder key, Object value) {
		if (value == null || value instanceof Missing) {
			key.append('0');
		}
		else if (value instanceof Number number) {
			// numbers compare by value whatever their type, as in MongoDB
			long bits = Double.doubleToLongBits(number.doubleValue() == 0 ? 0.0 : number.doubleValue());
			bits = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
			key.append('1').append(HexFormat.of().toHexDigits(bits));
		}
		else if (value instanceof String text) {
			key.append('2');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\u0000' -> key.append('\u0001').append('\u0001');
					case '\u0001' -> key.append('\u0001').append('\u0002');
					case '\ufffe' -> key.append('\ufffe').append('\u0001');
					case '\uffff' -> key.append('\ufffe').append('\u0002');
					default -> key.append(c);
				}
			}
			key.append('\u0000');
		}
		else if (value instanceof ObjectId id) {
			key.append('4').append(id.getHexData());
		}
		else if (value instanceof Boolean b) {
			key.append('5').append(b ? '1' : '0');
		}
		else if (value instanceof Date || value instanceof Instant) {
			long millis = value instanceof Date date ? date.getTime() : ((Instant) value).toEpochMilli();
			key.append('6').append(HexFormat.of().toHexDigits(millis ^ Long.MIN_VALUE));
		}
		else {
			// documents, binaries, UUIDs: equal values encode equally, but their order is not MongoDB's; Cairn sorts
			// by none of them
			key.append('7');
			append(key, String.valueOf(value));
		}
	}

	/** Where the component starting at {@code from} of an encoded key ends. */
	static int end(String key, int from) {
		return switch (key.charAt(from)) {
			case '0' -> from + 1;
			case '1', '6' -> from + 17;
			case '4' -> from + 25;
			case '5' -> from + 2;
			case '7' -> end(key, from + 1);
			default -> { // a string: up to its unescaped terminator
				int i = from + 1;
				while (key.charAt(i) != '\u0000') {
					i += key.charAt(i) == '\u0001' || key.charAt(i) == '\ufffe' ? 2 : 1;
				}
				yield i + 1;
			}
		};
	}

	/** The first {@code components} components of an encoded key. */
	static String head(String key, int components) {
		int end = 0;
		for (int i = 0; i < components; i++) {
			end = end(key, end);
		}
		return key.substring(0, end);
	}

}
