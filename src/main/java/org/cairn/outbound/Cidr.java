package org.cairn.outbound;

import java.math.BigInteger;
import java.net.InetAddress;

import io.netty.util.NetUtil;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefix) {

	static Cidr parse(String text) {
		int slash = text.indexOf('/');
		String address = slash < 0 ? text : text.substring(0, slash);
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address.replace("[", "").replace("]", ""));
		if (bytes == null) {
			throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
		}
		int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
		if (prefix < 0 || prefix > bytes.length * 8) {
			throw new IllegalArgumentException("Bad prefix length: " + text);
		}
		return new Cidr(bytes, prefix);
	}

	static boolean looksLikeCidr(String text) {
		String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
		return NetUtil.isValidIpV4Address(address) || NetUtil.isValidIpV6Address(address.replace("[", "").replace("]", ""));
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != network.length) {
			return false;
		}
		int bits = candidate.length * 8;
		BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
		BigInteger a = new BigInteger(1, candidate).and(mask);
		BigInteger n = new BigInteger(1, network).and(mask);
		return a.equals(n);
	}

}
