package dev.aether.stats.changelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The indexes our queries need on the gateway's tables, built at every migrate after the changelog, on an
 * autocommit connection (CREATE INDEX CONCURRENTLY cannot run inside a transaction). Java rather than a
 * changeset because what to do depends on the catalog at that moment:
 * <ul>
 *   <li>a valid btree index on exactly these columns already there (the gateway's own, whatever its name):
 *       nothing to do;</li>
 *   <li>a plain table: {@code CREATE INDEX CONCURRENTLY}, so the gateway keeps writing while it builds;</li>
 *   <li>a partitioned table (CONCURRENTLY is refused there): PostgreSQL's documented recipe, i.e.
 *       {@code CREATE INDEX ... ON ONLY parent} (invalid for now), then per partition
 *       {@code CREATE INDEX CONCURRENTLY} and {@code ALTER INDEX parent_idx ATTACH PARTITION}; once every
 *       partition is attached the parent index turns valid by itself;</li>
 *   <li>one of our indexes left INVALID by a failed concurrent build (killed, lock timeout, ...): dropped
 *       concurrently and built again.</li>
 * </ul>
 * Each step is idempotent, so a migrate interrupted half-way finishes the job the next time.
 */
final class GatewayIndexes {
  /** One index we need: its name on the table itself, the table, its key columns. */
  record Required(String name, String table, List<String> columns) {}

  static final List<Required> REQUIRED = List.of(
      // the fallback count reads the attempts of a range of days; without it every rollup scans the table
      new Required("idx_request_candidates_created_at", "request_candidates", List.of("created_at")),
      // every per-day read goes by usage.created_at (the reference gateway has this one already)
      new Required("idx_usage_created_at", "usage", List.of("created_at")));

  private final Connection c;
  private int built;

  private GatewayIndexes(Connection c) {
    this.c = c;
  }

  /**
   * Advisory lock (namespace shared by all our locks, 3 = index builds): instances starting at once must not
   * build, or drop as "invalid", an index another one is building right now (an index under construction is
   * INVALID until it is done).
   */
  static final int LOCK_NAMESPACE = 1095062867;
  static final int LOCK_KEY = 3;

  /**
   * Makes every required index valid; returns how many index builds it ran (0 when all were there, or when
   * another migrate is building them at this moment: it finishes the job, and a later migrate checks again).
   */
  static int ensure(Connection c) throws SQLException {
    if (!advisory(c, "pg_try_advisory_lock")) {
      return 0;
    }
    try {
      GatewayIndexes g = new GatewayIndexes(c);
      for (Required r : REQUIRED) {
        g.ensure(r.table(), r.name(), r.columns());
      }
      return g.built;
    } finally {
      advisory(c, "pg_advisory_unlock");
    }
  }

  private static boolean advisory(Connection c, String function) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT " + function + "(?, ?)")) {
      st.setInt(1, LOCK_NAMESPACE);
      st.setInt(2, LOCK_KEY);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private void ensure(String table, String name, List<String> columns) throws SQLException {
    Optional<Rel> t = relation(table);
    if (t.isEmpty() || hasValidIndex(t.get().oid(), columns)) {
      return;
    }
    if (t.get().partitioned()) {
      ensurePartitioned(t.get(), name, columns);
    } else {
      ensurePlain(t.get(), name, columns);
    }
  }

  private void ensurePlain(Rel t, String name, List<String> columns) throws SQLException {
    dropIfInvalid(name);
    execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + quote(name) + " ON " + t.sqlName() + " (" + list(columns)
        + ")");
    built++;
  }

  private void ensurePartitioned(Rel parent, String name, List<String> columns) throws SQLException {
    execute("CREATE INDEX IF NOT EXISTS " + quote(name) + " ON ONLY " + parent.sqlName() + " (" + list(columns) + ")");
    for (Rel part : partitions(parent.oid())) {
      if (attachedTo(name, part.oid())) {
        continue;
      }
      String partIndex = truncate(part.name() + "_" + String.join("_", columns) + "_idx");
      if (part.partitioned()) {
        // a sub-partitioned partition: the same recipe one level down, then attach its (valid) index
        ensurePartitioned(part, partIndex, columns);
      } else {
        Optional<String> existing = validIndex(part.oid(), columns);
        if (existing.isPresent()) {
          partIndex = existing.get(); // the gateway indexed this partition already: attach that one
        } else {
          dropIfInvalid(partIndex);
          execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + quote(partIndex) + " ON " + part.sqlName() + " ("
              + list(columns) + ")");
          built++;
        }
      }
      execute("ALTER INDEX " + quote(name) + " ATTACH PARTITION " + quote(partIndex));
    }
  }

  /** A failed CREATE INDEX CONCURRENTLY leaves its index behind, INVALID: never used, always maintained. */
  private void dropIfInvalid(String index) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "SELECT NOT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)")) {
      st.setString(1, quote(index));
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next() && rs.getBoolean(1)) {
          execute("DROP INDEX CONCURRENTLY IF EXISTS " + quote(index));
        }
      }
    }
  }

  private boolean hasValidIndex(long table, List<String> columns) throws SQLException {
    return validIndex(table, columns).isPresent();
  }

  /** A valid, non-partial btree index of the table on exactly these key columns, if there is one. */
  private Optional<String> validIndex(long table, List<String> columns) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT ic.relname FROM pg_index i"
        + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'"
        + " WHERE i.indrelid = ? AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL"
        + " AND ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)"
        + "           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
        + "          WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) = ?::text[]"
        + " ORDER BY ic.relname LIMIT 1")) {
      st.setLong(1, table);
      st.setArray(2, c.createArrayOf("text", columns.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** Whether the partitioned index {@code parentIndex} has a partition index on that partition already. */
  private boolean attachedTo(String parentIndex, long partition) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_inherits h JOIN pg_index i ON i.indexrelid ="
        + " h.inhrelid WHERE h.inhparent = to_regclass(?) AND i.indrelid = ?")) {
      st.setString(1, quote(parentIndex));
      st.setLong(2, partition);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** A table: its oid, schema-qualified SQL name and whether it is partitioned. */
  private record Rel(long oid, String name, String sqlName, boolean partitioned) {}

  private Optional<Rel> relation(String table) throws SQLException {
    List<Rel> rels = rels("WHERE c.oid = to_regclass(?)", table);
    return rels.isEmpty() ? Optional.empty() : Optional.of(rels.get(0));
  }

  private List<Rel> partitions(long parent) throws SQLException {
    return rels("JOIN pg_inherits h ON h.inhrelid = c.oid WHERE h.inhparent = ?", parent);
  }

  private List<Rel> rels(String where, Object parameter) throws SQLException {
    List<Rel> out = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT c.oid, c.relname,"
        + " quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind = 'p'"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " + where + " ORDER BY c.relname")) {
      st.setObject(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Rel(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
    }
    return out;
  }

  /** Runs one DDL statement; a failure's message quotes it, so the operator (and SchemaMigrator) see the table. */
  private void execute(String ddl) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(ddl);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " [" + ddl + "]", e.getSQLState(), e);
    }
  }

  private static String list(List<String> columns) {
    return String.join(", ", columns.stream().map(GatewayIndexes::quote).toList());
  }

  /** Identifiers come from our constants and the catalog, never from input; quoted all the same. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** PostgreSQL truncates names at 63 bytes; do it ourselves so the name we look up is the one created. */
  private static String truncate(String name) {
    return name.length() <= 63 ? name : name.substring(0, 63);
  }
}
