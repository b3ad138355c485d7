package org.cairn.outbound;

/**
 * Why a document could not be fetched. The reason is what a verification report says; the message names the URL
 * and the detail.
 */
public final class FetchFailure extends RuntimeException {

	/** Stable reasons, one per limit or refusal. */
	public enum Reason {

		/** Not http or https, or no host. */
		SCHEME,
		/** The host resolves to an address the policy refuses (loopback, private, link-local, metadata...). */
		BLOCKED_ADDRESS,
		/** The name does not resolve. */
		UNKNOWN_HOST,
		/** Too many redirects, or a redirect without a usable Location. */
		REDIRECTS,
		/** The body is larger than allowed. */
		TOO_LARGE,
		/** Connecting or reading took too long. */
		TIMEOUT,
		/** The server answered with a status other than 200 (or 410 for revoked assertions). */
		STATUS,
		/** Not JSON / JSON-LD (or not an image when an image was asked for). */
		CONTENT_TYPE,
		/** Too many fetches to one host are already under way. */
		BUSY,
		/** Any other network failure. */
		NETWORK

	}

	private final Reason reason;

	public FetchFailure(Reason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
