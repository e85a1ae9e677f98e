package dev.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.TestStores;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The writer keeps prepared statements between uses: the same SQL nested inside itself still gets
 * its own statement, a statement that failed is usable again, and values bound once never leak into
 * the next use.
 */
class CachingStatementBuilderTest {
  private static final String BY_PRODUCT =
      "SELECT user_id FROM audit_events WHERE product = :product ORDER BY user_id";

  @Test
  void reusedStatementsGiveTheAnswersFreshOnesWould() throws Exception {
    try (Database database = Database.open(TestStores.fresh())) {
      List<String> nested =
          database.write(
              handle -> {
                AuditDao.insert(handle, "e1", "ann", "a", 1, "{}");
                AuditDao.insert(handle, "e2", "bob", "b", 2, "{}");
                List<String> seen = new ArrayList<>();
                handle
                    .createQuery(BY_PRODUCT)
                    .bind("product", "a")
                    .mapTo(String.class)
                    .useStream(
                        outer ->
                            outer.forEach(user -> seen.add(user + "/" + usersOf(handle, "b"))));
                return seen;
              });
      assertEquals(List.of("ann/[bob]"), nested);

      assertThrows(
          RuntimeException.class,
          () ->
              database.write(
                  handle -> {
                    AuditDao.insert(handle, "e1", "dup", "a", 3, "{}");
                    return null;
                  }));
      assertEquals(
          List.of("carl"),
          database.write(
              handle -> {
                AuditDao.insert(handle, "e3", "carl", "c", 4, "{}");
                return usersOf(handle, "c");
              }));
      assertEquals(List.of(), database.write(handle -> usersOf(handle, "none")));
    }
  }

  private static List<String> usersOf(Handle handle, String product) {
    return handle.createQuery(BY_PRODUCT).bind("product", product).mapTo(String.class).list();
  }
}
