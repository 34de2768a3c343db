package org.teamsprovisioner.webhooks;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a delivery may connect to. Refused unless a configured CIDR allows them: loopback,
 * link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12, 192.168/16), unique-local
 * (fc00::/7), carrier-grade NAT (100.64/10), any-local and multicast: from inside the cluster, a
 * subscriber's URL must not reach what only the service can.
 */
public final class Networks {

    private final List<Cidr> allowed;

    public Networks(List<String> allowedCidrs) {
        this.allowed = allowedCidrs.stream().map(Networks::parse).toList();
    }

    /** Null if {@code address} may be connected to, else why not. */
    public String refusal(InetAddress address) {
        String kind = internalKind(address);
        if (kind == null || allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return null;
        }
        return address.getHostAddress() + " is a " + kind + " address";
    }

    private static String internalKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isAnyLocalAddress()) {
            return "any-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 0) {
            return "this-network";
        }
        return null;
    }

    static Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR (address/prefix): " + cidr);
        }
        String host = cidr.substring(0, slash).strip();
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("a CIDR's address is a literal IP address: " + cidr);
        }
        try {
            InetAddress base = InetAddress.getByName(host);
            int prefix = Integer.parseInt(cidr.substring(slash + 1).strip());
            if (prefix < 0 || prefix > base.getAddress().length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + cidr);
            }
            return new Cidr(base.getAddress(), prefix);
        } catch (UnknownHostException | NumberFormatException bad) {
            throw new IllegalArgumentException("not a CIDR (address/prefix): " + cidr);
        }
    }

    record Cidr(byte[] base, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, base).and(mask));
        }
    }
}
