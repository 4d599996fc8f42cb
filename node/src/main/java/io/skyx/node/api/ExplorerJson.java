package io.skyx.node.api;

import io.skyx.node.chain.GenesisParams;
import io.skyx.node.chain.MainnetDistribution;
import io.skyx.node.cipher.Address;
import io.skyx.node.coin.UxOut;
import io.skyx.node.service.SkycoinNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.skyx.node.api.Readable.F;

/**
 * {@code /api/v1/coinSupply}, {@code /api/v1/richlist} and {@code /api/v1/addresscount} as Skycoin computes them
 * (src/api/explorer.go, visor/richlist.go) over the confirmed unspent set.
 *
 * <p>Distribution: on mainnet the 100 addresses of {@link MainnetDistribution} (the first 25 unlocked), each
 * allotted 1 000 000 SKY, max supply 100 000 000 SKY. A private chain has no distribution list in Skycoin's sense;
 * here its genesis address stands in as the one unlocked distribution address, allotted all genesis coins, so
 * current supply is what has left the genesis address.
 */
final class ExplorerJson {
    private static final long DROPLETS_PER_SKY = 1_000_000L;
    private static final long MAINNET_ADDRESS_BALANCE = 1_000_000L * DROPLETS_PER_SKY;

    private final SkycoinNode node;
    private final List<Address> unlocked;
    private final List<Address> locked;
    private final long perAddressBalance;
    private final long maxSupply;

    ExplorerJson(SkycoinNode node) {
        this.node = node;
        GenesisParams g = node.config().genesis();
        if (g.equals(GenesisParams.MAINNET)) {
            List<Address> all = MainnetDistribution.ADDRESSES;
            unlocked = all.subList(0, MainnetDistribution.UNLOCKED_COUNT);
            locked = all.subList(MainnetDistribution.UNLOCKED_COUNT, all.size());
            perAddressBalance = MAINNET_ADDRESS_BALANCE;
        } else {
            unlocked = List.of(g.address());
            locked = List.of();
            perAddressBalance = g.coins();
        }
        maxSupply = g.coins();
    }

    private static ArrayNode strings(List<Address> addrs) {
        ArrayNode a = F.arrayNode();
        addrs.forEach(x -> a.add(x.toString()));
        return a;
    }

    ObjectNode coinSupply() {
        Set<Address> unlockedSet = new HashSet<>(unlocked);
        Set<Address> lockedSet = new HashSet<>(locked);
        long headTime = node.storedHead().block().header().time();
        long unlockedSupply = 0;
        long totalHours = 0;
        long currentHours = 0;
        for (UxOut u : node.store().allUnspents()) {
            Address a = u.body().address();
            if (unlockedSet.contains(a)) {
                unlockedSupply = Math.addExact(unlockedSupply, u.body().coins());
            }
            if (!lockedSet.contains(a)) {
                long h = ApiHours.at(u, headTime);
                totalHours = Math.addExact(totalHours, h);
                if (!unlockedSet.contains(a)) {
                    currentHours += h;
                }
            }
        }
        long totalSupply = unlocked.size() * perAddressBalance;
        ObjectNode o = F.objectNode();
        o.put("current_supply", Readable.coins(totalSupply - unlockedSupply));
        o.put("total_supply", Readable.coins(totalSupply));
        o.put("max_supply", Readable.coins(maxSupply));
        o.put("current_coinhour_supply", Long.toUnsignedString(currentHours));
        o.put("total_coinhour_supply", Long.toUnsignedString(totalHours));
        o.set("unlocked_distribution_addresses", strings(unlocked));
        o.set("locked_distribution_addresses", strings(locked));
        return o;
    }

    private record Holder(String address, long coins, boolean locked) {
    }

    /** {@code /api/v1/richlist} with its {@code n} (default 20) and {@code include-distribution} parameters. */
    ObjectNode richlist(Params p) throws ApiError {
        int n = 20;
        java.util.Optional<String> ns = p.get("n");
        if (ns.isPresent()) {
            try {
                n = Integer.parseInt(ns.get());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("invalid n");
            }
        }
        boolean include = false;
        java.util.Optional<String> inc = p.get("include-distribution");
        if (inc.isPresent()) {
            include = switch (inc.get()) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> throw ApiError.badRequest("invalid include-distribution");
            };
        }
        return richlist(n, include);
    }

    /**
     * @param n                   at most this many entries; n ≤ 0 means all (Skycoin's default is 20)
     * @param includeDistribution keep the distribution addresses
     */
    ObjectNode richlist(int n, boolean includeDistribution) {
        Map<Address, Long> balances = new HashMap<>();
        for (UxOut u : node.store().allUnspents()) {
            balances.merge(u.body().address(), u.body().coins(), Math::addExact);
        }
        Set<Address> lockedSet = new HashSet<>(locked);
        Set<Address> hidden = new HashSet<>(locked);
        hidden.addAll(unlocked);
        List<Holder> list = new ArrayList<>();
        balances.forEach((a, c) -> {
            if (includeDistribution || !hidden.contains(a)) {
                list.add(new Holder(a.toString(), c, lockedSet.contains(a)));
            }
        });
        list.sort((x, y) -> {
            if (x.coins != y.coins) {
                return Long.compareUnsigned(y.coins, x.coins);
            }
            if (x.locked != y.locked) {
                return x.locked ? -1 : 1;
            }
            return x.address.compareTo(y.address);
        });
        List<Holder> top = n > 0 && n < list.size() ? list.subList(0, n) : list;
        ArrayNode arr = F.arrayNode();
        for (Holder h : top) {
            ObjectNode o = F.objectNode();
            o.put("address", h.address);
            o.put("coins", Readable.coins(h.coins));
            o.put("locked", h.locked);
            arr.add(o);
        }
        ObjectNode o = F.objectNode();
        o.set("richlist", arr);
        return o;
    }

    /** Skycoin's AddressCount: distinct addresses holding at least one unspent output. */
    ObjectNode addressCount() {
        Set<Address> holders = new HashSet<>();
        node.store().allUnspents().forEach(u -> holders.add(u.body().address()));
        ObjectNode o = F.objectNode();
        o.put("count", holders.size());
        return o;
    }
}
