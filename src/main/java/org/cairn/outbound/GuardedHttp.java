package org.cairn.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.util.NetUtil;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The one way Cairn opens an outbound HTTP connection: names are resolved through {@link GuardedResolverGroup} (the
 * address policy judges exactly the addresses the socket will connect to), redirects are never followed by the
 * client, connecting and answering are bounded in time, and a socket whose peer the policy refuses is closed.
 * Netty connects to a literal address without asking the resolver, so callers judge literals with
 * {@link #refusedLiteral} before they send.
 */
public final class GuardedHttp {

	private GuardedHttp() {
	}

	public static HttpClient client(String name, AddressPolicy policy, NameResolution names, Duration connectTimeout,
			Duration responseTimeout, int maxConnections) {
		return HttpClient
			.create(ConnectionProvider.builder(name)
				.maxConnections(maxConnections)
				.pendingAcquireMaxCount(maxConnections * 2)
				.maxIdleTime(Duration.ofSeconds(20))
				.build())
			.resolver(new GuardedResolverGroup(names, policy))
			.followRedirect(false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
			.responseTimeout(responseTimeout)
			// Belt and braces: whatever path produced the socket, its peer must be an allowed address.
			.doOnConnected(connection -> {
				if (connection.channel().remoteAddress() instanceof InetSocketAddress remote
						&& remote.getAddress() != null && !policy.allows(remote.getAddress())) {
					connection.channel().close();
				}
			});
	}

	/**
	 * The address, when {@code host} is an IP literal ({@code 10.0.0.1}, {@code [::1]}) the policy refuses; null for
	 * a name (judged when it resolves) or an allowed literal.
	 */
	public static InetAddress refusedLiteral(AddressPolicy policy, String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		byte[] literal = NetUtil.createByteArrayFromIpAddressString(bare);
		if (literal == null || policy.allowsHost(bare)) {
			return null;
		}
		try {
			InetAddress address = InetAddress.getByAddress(literal);
			return policy.allows(address) ? null : address;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Netty parsed " + host + " into an unusable address", ex);
		}
	}

}
