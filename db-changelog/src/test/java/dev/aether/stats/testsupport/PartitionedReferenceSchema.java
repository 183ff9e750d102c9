package dev.aether.stats.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference schema as a large gateway has it: usage and request_candidates range-partitioned by month
 * on created_at (reference/aether-schema-partitioned.sql), one partition per month from {@code first} for
 * {@code months} months, named usage_YYYY_MM / request_candidates_YYYY_MM; the stats tables as in the plain
 * reference schema.
 */
public final class PartitionedReferenceSchema {
  private PartitionedReferenceSchema() {}

  /** Creates the tables and partitions; returns the partition names, usage's first. */
  public static List<String> create(Connection c, YearMonth first, int months) throws SQLException, IOException {
    List<String> partitions = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      st.execute(resource("/reference/aether-schema-partitioned.sql"));
      for (String table : List.of("usage", "request_candidates")) {
        for (int i = 0; i < months; i++) {
          YearMonth m = first.plusMonths(i);
          String name = partition(table, m);
          st.execute("CREATE TABLE " + name + " PARTITION OF " + table + " FOR VALUES FROM ('" + m.atDay(1)
              + " 00:00:00+00') TO ('" + m.plusMonths(1).atDay(1) + " 00:00:00+00')");
          partitions.add(name);
        }
      }
      String reference = resource("/reference/aether-schema.sql");
      st.execute(reference.substring(reference.indexOf("-- ===== materialized statistics")));
    }
    return partitions;
  }

  /** The name of {@code table}'s partition of month {@code m}. */
  public static String partition(String table, YearMonth m) {
    return String.format("%s_%04d_%02d", table, m.getYear(), m.getMonthValue());
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = PartitionedReferenceSchema.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException(path + " missing from test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
