package dev.aether.stats.changelog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

/** Reads what a database's catalog says about tables, for comparing schemas in tests. */
final class SchemaCatalog {
  private SchemaCatalog() {}

  /** "table.column type nullable default" for every column of the public tables named. */
  static Map<String, String> columns(Connection c, List<String> tables) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    String in = String.join(",", tables.stream().map(t -> "'" + t + "'").toList());
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(
             "SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''),"
                 + " is_nullable, coalesce(column_default, '')"
                 + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN (" + in + ")")) {
      while (rs.next()) {
        out.put(rs.getString(1) + "." + rs.getString(2),
            rs.getString(3) + "(" + rs.getString(4) + ") null=" + rs.getString(5) + " default=" + rs.getString(6));
      }
    }
    return out;
  }

  /** "table: definition" of every constraint and index of the public tables named. */
  static List<String> constraintsAndIndexes(Connection c, List<String> tables) throws SQLException {
    List<String> out = new ArrayList<>();
    String in = String.join(",", tables.stream().map(t -> "'" + t + "'").toList());
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(
             "SELECT conrelid::regclass::text || ': ' || pg_get_constraintdef(oid) FROM pg_constraint"
                 + " WHERE conrelid::regclass::text IN (" + in + ")"
                 + " UNION ALL SELECT tablename || ': ' || regexp_replace(indexdef, ' INDEX \\S+ ON ', ' INDEX ON ')"
                 + " FROM pg_indexes WHERE schemaname = 'public' AND tablename IN (" + in + ") ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
