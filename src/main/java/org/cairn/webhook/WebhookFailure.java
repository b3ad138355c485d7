package org.cairn.webhook;

/**
 * Why a delivery failed, in words an administrator can act on. Only these words are stored and shown, never an
 * exception's text: "Connection refused" against "No subject alternative names matching IP..." would turn the
 * delivery log into a map of whatever network the receiver's URL points into.
 */
enum WebhookFailure {

	COULD_NOT_CONNECT("could not connect"),
	TIMED_OUT("timed out"),
	REFUSED_BY_ADDRESS_POLICY("refused by address policy"),
	UNKNOWN_HOST("host name not found"),
	TLS_FAILURE("TLS failure"),
	REDIRECTED("receiver answered with a redirect, which is not followed"),
	RECEIVER_5XX("receiver answered 5xx"),
	RECEIVER_4XX("receiver answered 4xx"),
	ENDPOINT_REMOVED("endpoint removed");

	private final String words;

	WebhookFailure(String words) {
		this.words = words;
	}

	String words() {
		return words;
	}

	/**
	 * What the delivery log shows for a stored {@code lastError}: the words of a category, or, for a failure recorded
	 * before categories existed (raw exception text), nothing more than that it failed.
	 */
	static String shown(String lastError) {
		if (lastError == null) {
			return null;
		}
		for (WebhookFailure failure : values()) {
			if (failure.words.equals(lastError)) {
				return lastError;
			}
		}
		return "delivery failed";
	}

	static WebhookFailure ofStatus(int status) {
		return status >= 500 ? RECEIVER_5XX : status >= 400 ? RECEIVER_4XX : REDIRECTED;
	}

}
