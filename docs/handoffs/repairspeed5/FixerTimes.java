package io.huixun.text.repair;
import java.nio.file.*; import java.util.*;
/** CPU time per fixer over the damaged lines (raw lines, each fixer alone), passes alternating per fixer. */
public class FixerTimes { public static void main(String[] a) throws Exception {
  List<String> lines = Files.readAllLines(Path.of("/work/wt-repairspeed5/huixun-bench/target/repair-bench-damaged.txt"));
  Fixer[] fx = {new CharsetMojibakeFixer(), new ByteMisalignmentFixer(), new LostCharacterRestorer(), new PinyinAnnotationRemover(), new PunctuationWidthNormalizer()};
  TextRepairer tr = TextRepairer.create(RepairOptions.DEFAULT);
  var th = java.lang.management.ManagementFactory.getThreadMXBean();
  int passes = Integer.getInteger("passes", 5);
  double[] t = new double[fx.length + 1];
  List<Replacement> out = new ArrayList<>();
  for (int p = -2; p < passes; p++) {
    for (int k = 0; k <= fx.length; k++) {
      long c0 = th.getCurrentThreadCpuTime();
      long sink = 0;
      for (String l : lines) { if (k == fx.length) sink += tr.repair(l).repaired().length(); else { out.clear(); fx[k].find(l, out); sink += out.size(); } }
      if (p >= 0) t[k] += (th.getCurrentThreadCpuTime() - c0) / 1e6 / passes;
      if (sink < 0) throw new AssertionError();
    }
  }
  StringBuilder b = new StringBuilder();
  for (int k = 0; k < fx.length; k++) b.append(fx[k].getClass().getSimpleName()).append(String.format(" %.0f ms  ", t[k]));
  b.append(String.format("TextRepairer %.0f ms", t[fx.length]));
  System.out.println(b);
}}
