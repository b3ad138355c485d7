package org.cairn.account;

/**
 * A public API read whose answer is the same JSON for every reader and every request until the service restarts
 * (for example the sign-in buttons, which come from configuration). {@link AnonymousFixedAnswers} gives it to a
 * {@code GET} that shows no session and no token without the security chain and the dispatcher, with the headers the
 * chain would add; every other request for the path (signed in, {@code HEAD}, a query, another {@code Accept})
 * still reaches the endpoint, which must answer the same bytes.
 *
 * @param path the exact path, e.g. {@code /api/v1/auth/providers}, of an endpoint open to anyone
 * @param json the answer's body, as the endpoint's {@code application/json} answer writes it
 */
public record FixedAnswer(String path, byte[] json) {
}
