package io.skyx.api.custody;

import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reconcile.PlatformSpends;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform's own hot-wallet spends that this application records: proof-of-reserves anchors
 * ({@code reserve_anchors}) and, for SKY, the Skywire settlement payout batches ({@code skywire_chain_batch}).
 * Other sources (hot/cold sweeps) add their own {@link PlatformSpends} bean; reconciliation asks every one.
 */
@Component
class KnownPlatformSpends implements PlatformSpends {

    private final JdbcTemplate jdbc;

    KnownPlatformSpends(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> txids(CustodyAsset asset) {
        Set<String> out = new HashSet<>(jdbc.queryForList("select txid from reserve_anchors where chain = ?",
                String.class, asset.name()));
        if (asset == CustodyAsset.SKY) {
            out.addAll(jdbc.queryForList("select txid from skywire_chain_batch where txid is not null", String.class));
        }
        return out;
    }
}
