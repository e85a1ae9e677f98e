package dev.switchboard.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Counts the work the store does at the JDBC boundary: rows read (each {@code ResultSet.next()}
 * that returns true) and statements executed, in all and by SQL text. Wraps a data source;
 * thread-safe. The server's background workers (sweep, mail, webhook polls) read on their own
 * schedule, so their reads are not counted: they are nobody's request.
 */
public final class RowCounter {
  private static final Pattern BACKGROUND = Pattern.compile("switchboard-(sweep|mail|webhooks)");
  private final AtomicLong rowsRead = new AtomicLong();
  private final AtomicLong statements = new AtomicLong();
  private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

  public DataSource wrap(DataSource dataSource) {
    return proxy(DataSource.class, dataSource);
  }

  public long rowsRead() {
    return rowsRead.get();
  }

  public long statements() {
    return statements.get();
  }

  /** Prepared statements executed whose SQL text {@code sql} finds something in. */
  public long statementsMatching(Pattern sql) {
    return bySql.entrySet().stream()
        .filter(entry -> sql.matcher(entry.getKey()).find())
        .mapToLong(entry -> entry.getValue().sum())
        .sum();
  }

  public void reset() {
    rowsRead.set(0);
    statements.set(0);
    bySql.clear();
  }

  private <T> T proxy(Class<T> type, T target) {
    return proxy(type, target, null);
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target, String sql) {
    InvocationHandler handler =
        (self, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          String name = method.getName();
          if (BACKGROUND.matcher(Thread.currentThread().getName()).matches()) {
            return wrapResult(method.getReturnType(), result, null);
          }
          if (target instanceof ResultSet && name.equals("next") && Boolean.TRUE.equals(result)) {
            rowsRead.incrementAndGet();
          }
          if (target instanceof Statement && name.startsWith("execute")) {
            statements.incrementAndGet();
            if (sql != null) {
              bySql.computeIfAbsent(sql, key -> new LongAdder()).increment();
            }
          }
          String prepared =
              name.equals("prepareStatement") && args != null && args[0] instanceof String text
                  ? text
                  : null;
          return wrapResult(method.getReturnType(), result, prepared);
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object wrapResult(Class<?> declared, Object result, String sql) {
    if (result == null || !declared.isInterface()) {
      return result;
    }
    if (Connection.class.isAssignableFrom(declared)
        || Statement.class.isAssignableFrom(declared)
        || ResultSet.class.isAssignableFrom(declared)) {
      return proxy((Class) declared, result, sql);
    }
    return result;
  }
}
