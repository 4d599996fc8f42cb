package io.skyx.api.sequencer;

import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/** Test helper: replays a whole journal into a fresh engine, independently of the running app. */
public final class JournalReplay {

    private JournalReplay() {
    }

    /**
     * The sequence number and state hash (hex) of a fresh engine fed the whole journal: the reference
     * implementation (the test oracle), independent of the app's engine, snapshots and projections.
     */
    public static Sequencer.StateView replay(Connection c, EngineConfig config) throws SQLException {
        ExchangeEngine engine = Engines.create(Engines.Implementation.REFERENCE, config, EventSink.NONE);
        try (PreparedStatement ps = c.prepareStatement("select seq, ts_ms, payload, events from journal order by seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Command cmd = CommandCodec.decode(rs.getBytes(3));
                io.skyx.engine.ResultCode result = Apply.apply(engine, rs.getLong(1), rs.getLong(2), cmd);
                if (result != EventCodec.decode(rs.getBytes(4)).result()) {
                    throw new IllegalStateException("replay diverged at " + rs.getLong(1));
                }
            }
        }
        return new Sequencer.StateView(engine.lastSequence(), HexFormat.of().formatHex(engine.stateHash()));
    }
}
