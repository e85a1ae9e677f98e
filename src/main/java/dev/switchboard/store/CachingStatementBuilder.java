package dev.switchboard.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the writer handle's prepared statements open between uses, so the committer does not parse
 * the same SQL again for every user it resolves (preparing was a third of a big template's time). A
 * statement still in use when its SQL comes again (a nested query) gets a fresh, uncached one.
 * Holds at most {@value #CAPACITY} statements, least recently used out first. One per handle, used
 * by the committer thread only.
 */
final class CachingStatementBuilder implements StatementBuilder {
  static final StatementBuilderFactory FACTORY = connection -> new CachingStatementBuilder();
  private static final int CAPACITY = 256;

  private final StatementBuilder plain = new DefaultStatementBuilder();
  private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, PreparedStatement> cache =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= CAPACITY || inUse.contains(eldest.getValue())) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  @Override
  public Statement create(Connection connection, StatementContext context) throws SQLException {
    return plain.create(connection, context);
  }

  @Override
  public PreparedStatement create(Connection connection, String sql, StatementContext context)
      throws SQLException {
    PreparedStatement cached = cache.get(sql);
    if (cached != null && !inUse.contains(cached) && !cached.isClosed()) {
      inUse.add(cached);
      return cached;
    }
    if (cached != null) {
      return plain.create(connection, sql, context);
    }
    PreparedStatement statement = plain.create(connection, sql, context);
    cache.put(sql, statement);
    inUse.add(statement);
    return statement;
  }

  @Override
  public CallableStatement createCall(Connection connection, String sql, StatementContext context)
      throws SQLException {
    return plain.createCall(connection, sql, context);
  }

  @Override
  public void close(Connection connection, String sql, Statement statement) throws SQLException {
    if (inUse.remove(statement)) {
      ((PreparedStatement) statement).clearParameters();
      return;
    }
    plain.close(connection, sql, statement);
  }

  @Override
  public void close(Connection connection) {
    cache.values().forEach(CachingStatementBuilder::closeQuietly);
    cache.clear();
    inUse.clear();
  }

  private static void closeQuietly(Statement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // the connection is going or gone; nothing to keep
    }
  }
}
