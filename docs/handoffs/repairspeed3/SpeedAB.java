import java.lang.invoke.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
/** Alternating passes of several builds in one JVM (one class loader each): args = classpaths (':'-separated). */
public class SpeedAB { public static void main(String[] a) throws Throwable {
  Path f = Path.of("huixun-bench/target/repair-bench-damaged.txt");
  List<String> lines = Files.readAllLines(f); long size = Files.size(f);
  int m = a.length; Object[] rep = new Object[m]; MethodHandle[] repair = new MethodHandle[m]; MethodHandle[] text = new MethodHandle[m];
  for (int k = 0; k < m; k++) {
    List<URL> urls = new ArrayList<>(); for (String p : a[k].split(":")) urls.add(Path.of(p).toUri().toURL());
    ClassLoader cl = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> tr = cl.loadClass("io.huixun.text.repair.TextRepairer"), ro = cl.loadClass("io.huixun.text.repair.RepairOptions");
    Object opts = ro.getField("DEFAULT").get(null);
    rep[k] = tr.getMethod("create", ro).invoke(null, opts);
    repair[k] = MethodHandles.publicLookup().unreflect(tr.getMethod("repair", String.class));
    text[k] = MethodHandles.publicLookup().unreflect(cl.loadClass("io.huixun.text.repair.RepairResult").getMethod("repaired"));
  }
  var threads = java.lang.management.ManagementFactory.getThreadMXBean();
  int passes = Integer.getInteger("passes", 5);
  double[][] cpu = new double[m][passes];
  for (int i = -2; i < passes; i++) for (int k = 0; k < m; k++) {
    long c0 = threads.getCurrentThreadCpuTime(); long sink = 0;
    for (String l : lines) sink += ((String) text[k].invoke(repair[k].invoke(rep[k], l))).length();
    double c = (threads.getCurrentThreadCpuTime() - c0) / 1e9; if (i >= 0) cpu[k][i] = c;
  }
  for (int k = 0; k < m; k++) { double s = 0; for (double c : cpu[k]) s += size / 1e6 / c;
    double[] sorted = cpu[k].clone(); Arrays.sort(sorted);
    System.out.printf("build %d: mean %.2f MB/s, median %.2f MB/s%n", k, s / passes, size / 1e6 / sorted[passes / 2]); }
}}
