package dev.switchboard.conformance.concurrency;

import static dev.switchboard.conformance.support.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.conformance.support.Fixtures;
import dev.switchboard.conformance.support.ScimClient;
import dev.switchboard.conformance.support.ScimResponse;
import dev.switchboard.conformance.support.Unique;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 §8: no lost updates under parallel writes, and exactly one winner for a contested
 * userName.
 */
class ConcurrentWritesTest {

  private static final int MEMBERS = 50;
  private static final int CONTENDERS = 20;

  private final ScimClient client = ScimClient.admin();

  @Test
  void fiftyParallelMemberAddsAllLand() {
    String groupId = Fixtures.newGroup(client, Unique.groupName("Crowd")).path("id").asText();
    Set<String> userIds = new HashSet<>();
    IntStream.range(0, MEMBERS)
        .forEach(
            i ->
                userIds.add(
                    Fixtures.newUser(client, Unique.userName("crowd" + i)).path("id").asText()));

    List<ScimResponse> responses =
        all(
            userIds.stream()
                .map(
                    userId ->
                        client
                            .request("PATCH", "/Groups/" + groupId)
                            .json(
                                Fixtures.patch(
                                    """
                        {"op": "add", "path": "members", "value": [{"value": "%s"}]}
                        """
                                        .formatted(userId)))
                            .sendAsync())
                .collect(Collectors.toList()));

    responses.forEach(
        response ->
            assertTrue(response.status() == 204 || response.status() == 200, response::describe));
    assertEquals(
        userIds,
        Fixtures.memberIds(Fixtures.getGroup(client, groupId)),
        "every parallel add must land");
  }

  @Test
  void twentyParallelCreatesOfOneUserNameGiveExactlyOneWinner() {
    String userName = Unique.userName("contested");

    List<ScimResponse> responses =
        all(
            IntStream.range(0, CONTENDERS)
                .mapToObj(
                    i ->
                        client
                            .request("POST", "/Users")
                            .json(Fixtures.userJson(userName))
                            .sendAsync())
                .collect(Collectors.toList()));

    Map<Integer, Long> byStatus =
        responses.stream()
            .collect(Collectors.groupingBy(ScimResponse::status, Collectors.counting()));
    assertEquals(
        Map.of(201, 1L, 409, (long) CONTENDERS - 1), byStatus, () -> "statuses: " + byStatus);
    responses.stream()
        .filter(response -> response.status() == 409)
        .forEach(response -> assertScimError(response, 409, "uniqueness"));
    assertEquals(
        Set.of(userName), Fixtures.userNamesMatching(client, "userName eq \"" + userName + "\""));
  }

  private static List<ScimResponse> all(List<CompletableFuture<ScimResponse>> futures) {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    return futures.stream().map(CompletableFuture::join).toList();
  }
}
