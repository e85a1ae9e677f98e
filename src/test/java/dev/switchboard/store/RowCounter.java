package dev.switchboard.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Counts the work the store does at the JDBC boundary: rows read (each {@code ResultSet.next()}
 * that returns true) and statements executed. Wraps a data source; thread-safe.
 */
public final class RowCounter {
  private final AtomicLong rowsRead = new AtomicLong();
  private final AtomicLong statements = new AtomicLong();

  public DataSource wrap(DataSource dataSource) {
    return proxy(DataSource.class, dataSource);
  }

  public long rowsRead() {
    return rowsRead.get();
  }

  public long statements() {
    return statements.get();
  }

  public void reset() {
    rowsRead.set(0);
    statements.set(0);
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler handler =
        (self, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          String name = method.getName();
          if (target instanceof ResultSet && name.equals("next") && Boolean.TRUE.equals(result)) {
            rowsRead.incrementAndGet();
          }
          if (target instanceof Statement && name.startsWith("execute")) {
            statements.incrementAndGet();
          }
          return wrapResult(method.getReturnType(), result);
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object wrapResult(Class<?> declared, Object result) {
    if (result == null || !declared.isInterface()) {
      return result;
    }
    if (Connection.class.isAssignableFrom(declared)
        || Statement.class.isAssignableFrom(declared)
        || ResultSet.class.isAssignableFrom(declared)) {
      return proxy((Class) declared, result);
    }
    return result;
  }
}
