package org.cairn.issuing;

/** Who receives a badge: an email (hashed into the assertion), a display name, and the person when known. */
public record Recipient(String email, String name, String personId) {
}
