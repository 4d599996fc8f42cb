package io.skyx.api.sequencer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: every projection table's rows as text, in a canonical order (generated ids left out). */
public final class ProjectionRows {

    private static final Map<String, String> QUERIES = Map.of(
            "orders", "select * from orders order by id",
            "trades", "select * from trades order by id",
            "candles", "select * from candles order by market, timeframe, open_time",
            "ledger_entries", "select seq, user_id, account, asset, amount, type, reference_id, created_at "
                    + "from ledger_entries order by seq, asset, account, user_id, amount, type, reference_id",
            "accounts", "select * from accounts order by user_id, asset");

    private ProjectionRows() {
    }

    /** Table name → its rows, each as the text of its columns. */
    public static Map<String, List<String>> dump(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : QUERIES.entrySet()) {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q.getValue())) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        b.append(rs.getString(i)).append('|');
                    }
                    rows.add(b.toString());
                }
            }
            out.put(q.getKey(), rows);
        }
        return out;
    }
}
