package dev.switchboard.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * SqlObjects attached once per handle. Jdbi's {@code Handle.attach} builds and warms a handler for
 * every method of the interface each time it is called (jdbi/jdbi#2991); with a dozen attaches per
 * request that was a quarter of the CPU of a read and 40 % of a template's resolution. The attached
 * objects live in the handle's own configuration (each handle forks a fresh, empty one), so they go
 * with the handle and are only used on its thread.
 */
public final class Daos implements JdbiConfig<Daos> {
  private final Map<Class<?>, Object> attached = new HashMap<>();

  /** For Jdbi's config registry; use {@link #attach}. */
  public Daos() {}

  /** {@code handle.attach(type)}, attached once per handle. */
  public static <T> T attach(Handle handle, Class<T> type) {
    Map<Class<?>, Object> attached = handle.getConfig(Daos.class).attached;
    Object dao = attached.get(type);
    if (dao == null) {
      dao = handle.attach(type);
      attached.put(type, dao);
    }
    return type.cast(dao);
  }

  /** A handle's copy starts empty: an attached object belongs to one handle only. */
  @Override
  public Daos createCopy() {
    return new Daos();
  }
}
