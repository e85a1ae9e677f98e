import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entra's first provisioning cycle as a load: for each user a filter lookup then a POST; then
 * groups created empty and filled by PATCHes of 50 members. Run with the source launcher:
 * {@code java bench/EntraSync.java BASE TOKEN USERS GROUPS MEMBERS CLIENTS}. Prints one JSON line:
 * operations, seconds, errors.
 */
public final class EntraSync {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern NONE = Pattern.compile("\"totalResults\"\\s*:\\s*0\\b");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    int users = Integer.parseInt(args[2]);
    int groups = Integer.parseInt(args[3]);
    int members = Integer.parseInt(args[4]);
    int clients = Integer.parseInt(args[5]);
    String run = Long.toString(System.nanoTime(), 36);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    AtomicLong operations = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    String[] ids = new String[users];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int n = 0; n < users; n++) {
      int user = n;
      work.add(
          pool.submit(
              () -> {
                String userName = "entra-" + run + "-" + user + "@example.com";
                String filter =
                    URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8)
                        .replace("+", "%20");
                HttpResponse<String> found =
                    send(http, token, "GET", base + "/scim/v2/Users?filter=" + filter, null);
                operations.incrementAndGet();
                if (found.statusCode() != 200 || !NONE.matcher(found.body()).find()) {
                  errors.incrementAndGet();
                }
                HttpResponse<String> created =
                    send(
                        http,
                        token,
                        "POST",
                        base + "/scim/v2/Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                            + "\"userName\":\"" + userName + "\",\"active\":true,"
                            + "\"displayName\":\"Entra " + user + "\",\"externalId\":\"ext-"
                            + run + "-" + user + "\"}");
                operations.incrementAndGet();
                Matcher id = ID.matcher(created.body());
                if (created.statusCode() == 201 && id.find()) {
                  ids[user] = id.group(1);
                } else {
                  errors.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    work.clear();
    for (int g = 0; g < groups; g++) {
      int group = g;
      work.add(
          pool.submit(
              () -> {
                HttpResponse<String> created =
                    send(
                        http,
                        token,
                        "POST",
                        base + "/scim/v2/Groups",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                            + "\"displayName\":\"entra-" + run + "-group-" + group + "\"}");
                operations.incrementAndGet();
                Matcher id = ID.matcher(created.body());
                if (created.statusCode() != 201 || !id.find()) {
                  errors.incrementAndGet();
                  return null;
                }
                String groupId = id.group(1);
                int first = (group * members) % users;
                for (int from = 0; from < members; from += 50) {
                  StringBuilder value = new StringBuilder();
                  for (int i = from; i < Math.min(members, from + 50); i++) {
                    value.append(value.length() == 0 ? "" : ",")
                        .append("{\"value\":\"").append(ids[(first + i) % users]).append("\"}");
                  }
                  HttpResponse<String> patched =
                      send(
                          http,
                          token,
                          "PATCH",
                          base + "/scim/v2/Groups/" + groupId,
                          "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                              + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":["
                              + value + "]}]}");
                  operations.incrementAndGet();
                  if (patched.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    System.out.printf(
        "{\"operations\":%d,\"seconds\":%.3f,\"errors\":%d}%n",
        operations.get(), seconds, errors.get());
  }

  private static HttpResponse<String> send(
      HttpClient http, String token, String method, String url, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + url + " failed", e);
    }
  }
}
