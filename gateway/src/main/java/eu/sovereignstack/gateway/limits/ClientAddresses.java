package eu.sovereignstack.gateway.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

import eu.sovereignstack.gateway.config.GatewayConfig;

/**
 * The address a request comes from, for limits keyed by address. The direct peer is the client,
 * unless it is one of {@code gateway.trusted-proxies} (addresses or CIDR ranges, e.g. the ingress
 * controller's pods): then X-Forwarded-For is read from the right, past the trusted proxies, and
 * the first address not trusted is the client. What a client writes into X-Forwarded-For itself
 * (on the left) is never believed, and no name in it is ever looked up.
 */
@ApplicationScoped
public class ClientAddresses {

    private final List<IpSubnetFilterRule> trusted;

    @Inject
    ClientAddresses(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String proxy : trustedProxies) {
            rules.add(rule(proxy.trim()));
        }
        this.trusted = List.copyOf(rules);
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (peer == null) {
            return "unknown";
        }
        // Without trusted proxies the peer is the client: its X-Forwarded-For is not even read.
        return trusted.isEmpty() ? peer : of(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The client of a request from {@code peer} with these X-Forwarded-For headers (in order). */
    String of(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = address(peer);
        if (peerAddress == null || !trusted(peerAddress)) {
            return peer;
        }
        String client = peerAddress.getHostAddress();
        for (int h = forwardedFor.size() - 1; h >= 0; h--) {
            String[] hops = forwardedFor.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetAddress hop = address(hops[i].trim());
                if (hop == null) {
                    return client; // not an address: nothing to the left of it can be believed
                }
                client = hop.getHostAddress();
                if (!trusted(hop)) {
                    return client;
                }
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        if (trusted.isEmpty()) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule rule : trusted) {
            if (rule.matches(socket)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, never a name to resolve; null for anything else. */
    private static InetAddress address(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static IpSubnetFilterRule rule(String proxy) {
        int slash = proxy.indexOf('/');
        String host = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress address = address(host);
        if (address == null) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + proxy + "' is not an IP address or CIDR range");
        }
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(proxy.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + proxy + "' has no valid prefix length (0-" + bits + ")");
        }
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
