package dev.aether.stats.bootstrap;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The service in a JVM of its own (the test's class path), so a test can kill it like an operator's OOM would. */
final class ChildProcess implements AutoCloseable {
  final Process process;
  final List<String> lines = new CopyOnWriteArrayList<>();

  private ChildProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process died: that is what the tests do to it
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  static ChildProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("STATS_"));
    pb.environment().putAll(env);
    return new ChildProcess(pb.start());
  }

  /** Waits until a line of output contains {@code text}; returns that line. */
  String awaitLine(String text, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (String l : lines) {
        if (l.contains(text)) {
          return l;
        }
      }
      if (!process.isAlive() && lines.stream().noneMatch(l -> l.contains(text))) {
        throw new AssertionError("process exited before printing '" + text + "': " + lines);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + text + "' within " + timeout + ": " + lines);
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
