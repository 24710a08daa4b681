package zhengwu.solr;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs Solr on 127.0.0.1 with the context path /solr until the JVM is told to stop.
 *
 * <p>Usage: {@code java -cp "target/zhengwu-solr.jar:target/lib/*" zhengwu.solr.Launcher
 * SOLR_HOME PORT}
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Launcher SOLR_HOME PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);

    // No port retries: a busy port must fail at once, not after a minute.
    JettyConfig config =
        JettyConfig.builder()
            .setPort(port)
            .setContext("/solr")
            .stopAtShutdown(false)
            .withPortRetryTime(0)
            .build();
    JettySolrRunner solr = new JettySolrRunner(home.toString(), config);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    solr.stop();
                  } catch (Exception e) {
                    System.err.println("Solr did not stop cleanly: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "zhengwu-solr-shutdown"));

    try {
      solr.start();
    } catch (Exception e) {
      System.err.println("Solr could not start on port " + port + ": " + e);
      // halt, not exit: the shutdown hook would try to stop a runner that never ran
      Runtime.getRuntime().halt(1);
    }
    System.out.println("Zhengwu Solr is running on http://127.0.0.1:" + port + "/solr");
    stopped.await();
  }
}
