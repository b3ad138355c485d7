package org.cairn.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Puts SCRAM-SHA-256 (RFC 5802, RFC 7677) in front of the embedded server, which has no authentication of its own:
 * a connection may say {@code hello} and authenticate, and nothing else until it proved it knows the password. The
 * MongoDB Java driver speaks this mechanism as it does to a real MongoDB, so any client with the credential (Cairn
 * itself, or an operator's tool) connects with an ordinary {@code mongodb://user:password@…?authMechanism=SCRAM-SHA-256}
 * URI. Only the salted keys are held, never the password. Without this, any local user could connect to the loopback
 * port and rewrite {@code people}.
 */
final class ScramBackend implements MongoBackend {

	static final String MECHANISM = "SCRAM-SHA-256";

	/** The driver refuses fewer than 4096 iterations. */
	private static final int ITERATIONS = 4096;

	/** Answered before authentication: the driver's handshake and the SASL conversation itself. */
	private static final Set<String> OPEN_COMMANDS = Set.of("hello", "ismaster", "saslstart", "saslcontinue");

	private static final AttributeKey<Conversation> CONVERSATION = AttributeKey.valueOf("cairn.scram");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoBackend delegate;

	private final String username;

	private final byte[] salt;

	private final byte[] storedKey;

	private final byte[] serverKey;

	ScramBackend(MongoBackend delegate, String username, String password) {
		this.delegate = delegate;
		this.username = username;
		this.salt = new byte[24];
		RANDOM.nextBytes(salt);
		byte[] salted = saltedPassword(password, salt);
		this.storedKey = sha256(hmac(salted, "Client Key"));
		this.serverKey = hmac(salted, "Server Key");
	}

	/** Where one connection is in the exchange; kept on the Netty channel, so it goes with the connection. */
	private static final class Conversation {

		String clientFirstBare;

		String serverFirst;

		String nonce;

		boolean authenticated;

	}

	@Override
	public Document handleMessage(MongoMessage message) {
		Document command = message.getDocument();
		Document answer = open(message.getChannel(), commandName(command), command);
		return answer != null ? answer : delegate.handleMessage(message);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		Document answer = open(channel, command.toLowerCase(Locale.ROOT), query);
		return answer != null ? answer : delegate.handleCommand(channel, database, command, query);
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		requireAuthenticated(query.getChannel(), "find");
		return delegate.handleQuery(query);
	}

	/** The SASL answer for a SASL command, null to pass the command on, or refused when not yet authenticated. */
	private Document open(Channel channel, String name, Document command) {
		if (name.equals("saslstart")) {
			return saslStart(channel, command);
		}
		if (name.equals("saslcontinue")) {
			return saslContinue(channel, command);
		}
		if (!OPEN_COMMANDS.contains(name)) {
			requireAuthenticated(channel, name);
		}
		return null;
	}

	private static String commandName(Document command) {
		return command.keySet().isEmpty() ? "" : command.keySet().iterator().next().toLowerCase(Locale.ROOT);
	}

	private static void requireAuthenticated(Channel channel, String command) {
		Conversation conversation = channel.attr(CONVERSATION).get();
		if (conversation == null || !conversation.authenticated) {
			throw new MongoServerError(13, "Unauthorized", "command " + command + " requires authentication");
		}
	}

	private Document saslStart(Channel channel, Document command) {
		if (!MECHANISM.equals(command.get("mechanism"))) {
			throw authenticationFailed();
		}
		String clientFirst = new String(payload(command), StandardCharsets.UTF_8);
		// "n,,n=<user>,r=<nonce>": no channel binding, no authorisation identity
		if (!clientFirst.startsWith("n,,")) {
			throw authenticationFailed();
		}
		String bare = clientFirst.substring(3);
		String user = attribute(bare, 'n');
		String clientNonce = attribute(bare, 'r');
		if (user == null || clientNonce == null || !constantTimeEquals(unescape(user), username)) {
			throw authenticationFailed();
		}
		byte[] serverNonce = new byte[24];
		RANDOM.nextBytes(serverNonce);
		Conversation conversation = new Conversation();
		conversation.clientFirstBare = bare;
		conversation.nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
		conversation.serverFirst = "r=" + conversation.nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i="
				+ ITERATIONS;
		channel.attr(CONVERSATION).set(conversation);
		return reply(conversation.serverFirst, false);
	}

	private Document saslContinue(Channel channel, Document command) {
		Conversation conversation = channel.attr(CONVERSATION).get();
		if (conversation == null) {
			throw authenticationFailed();
		}
		if (conversation.authenticated) {
			// the driver's optional empty last step
			return reply("", true);
		}
		String clientFinal = new String(payload(command), StandardCharsets.UTF_8);
		int proofAt = clientFinal.lastIndexOf(",p=");
		if (proofAt < 0 || !conversation.nonce.equals(attribute(clientFinal, 'r'))) {
			throw authenticationFailed();
		}
		String withoutProof = clientFinal.substring(0, proofAt);
		byte[] proof;
		try {
			proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
		}
		catch (IllegalArgumentException ex) {
			throw authenticationFailed();
		}
		String authMessage = conversation.clientFirstBare + "," + conversation.serverFirst + "," + withoutProof;
		byte[] clientSignature = hmac(storedKey, authMessage);
		if (proof.length != clientSignature.length) {
			throw authenticationFailed();
		}
		byte[] clientKey = new byte[proof.length];
		for (int i = 0; i < proof.length; i++) {
			clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
		}
		if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
			channel.attr(CONVERSATION).set(null);
			throw authenticationFailed();
		}
		conversation.authenticated = true;
		return reply("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)), true);
	}

	private static Document reply(String payload, boolean done) {
		Document reply = new Document();
		reply.put("conversationId", 1);
		reply.put("done", done);
		reply.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
		reply.put("ok", 1.0);
		return reply;
	}

	private static byte[] payload(Document command) {
		Object payload = command.get("payload");
		if (payload instanceof BinData data) {
			return data.getData();
		}
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw authenticationFailed();
	}

	/** The value of {@code key=} in a comma-separated SCRAM message. */
	private static String attribute(String message, char key) {
		for (String part : message.split(",")) {
			if (part.length() >= 2 && part.charAt(0) == key && part.charAt(1) == '=') {
				return part.substring(2);
			}
		}
		return null;
	}

	private static String unescape(String saslName) {
		return saslName.replace("=2C", ",").replace("=3D", "=");
	}

	private static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private static MongoServerError authenticationFailed() {
		return new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
	}

	private static byte[] saltedPassword(String password, byte[] salt) {
		try {
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- the rest is the embedded server's own -----------------------------------------------------------------

	@Override
	public void handleClose(Channel channel) {
		delegate.handleClose(channel);
	}

	@Override
	public void dropDatabase(String database) {
		delegate.dropDatabase(database);
	}

	@Override
	public Collection<Document> getCurrentOperations(MongoQuery query) {
		requireAuthenticated(query.getChannel(), "currentOp");
		return delegate.getCurrentOperations(query);
	}

	@Override
	public Document getServerStatus() {
		return delegate.getServerStatus();
	}

	@Override
	public void close() {
		delegate.close();
	}

	@Override
	public void closeCursors(List<Long> cursorIds) {
		delegate.closeCursors(cursorIds);
	}

	@Override
	public java.time.Clock getClock() {
		return delegate.getClock();
	}

	@Override
	public void enableOplog() {
		delegate.enableOplog();
	}

	@Override
	public void disableOplog() {
		delegate.disableOplog();
	}

	@Override
	public MongoDatabase resolveDatabase(String database) {
		return delegate.resolveDatabase(database);
	}

	@Override
	public MongoBackend version(MongoVersion version) {
		delegate.version(version);
		return this;
	}

}
