package org.cairn.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import reactor.core.scheduler.Schedulers;

/**
 * Netty resolves every connection (first request and every redirect hop) through this group, so the address policy
 * judges exactly the addresses the socket will connect to: a name that answered with a public address a moment ago
 * and a private one now (DNS rebinding) is judged on what it answers now.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final NameResolution names;

	private final AddressPolicy policy;

	GuardedResolverGroup(NameResolution names, AddressPolicy policy) {
		this.names = names;
		this.policy = policy;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new InetSocketAddressResolver(executor, new GuardedNameResolver(executor));
	}

	private final class GuardedNameResolver extends InetNameResolver {

		GuardedNameResolver(EventExecutor executor) {
			super(executor);
		}

		@Override
		protected void doResolve(String host, Promise<InetAddress> promise) {
			// The socket connects to the first address, which resolveAll has already judged with the rest.
			resolveGuarded(host, addresses -> promise.trySuccess(addresses.get(0)), promise::tryFailure);
		}

		@Override
		protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
			resolveGuarded(host, promise::trySuccess, promise::tryFailure);
		}

		private void resolveGuarded(String host, java.util.function.Consumer<List<InetAddress>> success,
				java.util.function.Consumer<Throwable> failure) {
			// The system resolver blocks: never on the event loop.
			Schedulers.boundedElastic().schedule(() -> {
				try {
					List<InetAddress> addresses = names.resolve(host);
					if (addresses.isEmpty()) {
						failure.accept(new FetchFailure(FetchFailure.Reason.UNKNOWN_HOST, host + " does not resolve."));
						return;
					}
					if (!policy.allowsHost(host)) {
						for (InetAddress address : addresses) {
							if (!policy.allows(address)) {
								failure.accept(new FetchFailure(FetchFailure.Reason.BLOCKED_ADDRESS,
										host + " resolves to " + address.getHostAddress()
												+ ", a non-public address the verifier does not connect to."));
								return;
							}
						}
					}
					success.accept(addresses);
				}
				catch (UnknownHostException ex) {
					failure.accept(new FetchFailure(FetchFailure.Reason.UNKNOWN_HOST, host + " does not resolve."));
				}
				catch (RuntimeException ex) {
					failure.accept(ex);
				}
			});
		}

	}

}
