import io.huixun.text.repair.*;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
/** Hash of every repair output and edit (confidence bits included) over damaged lines: equal hashes = same behaviour. */
public class Digest { public static void main(String[] a) throws Exception {
  List<String> clean = Files.readAllLines(Path.of("huixun-bench/target/repair-bench-clean.txt"));
  clean = clean.subList(0, 40000);
  TextRepairer r = TextRepairer.create(RepairOptions.DEFAULT);
  MessageDigest md = MessageDigest.getInstance("SHA-256");
  int changed = 0, lines = 0;
  List<List<String>> sets = new ArrayList<>();
  sets.add(Files.readAllLines(Path.of("huixun-bench/target/repair-bench-damaged.txt")));
  for (long seed : new long[]{2, 3}) {
    CorruptionGenerator g = new CorruptionGenerator(seed); List<String> d = new ArrayList<>();
    for (String p : clean) d.add(g.mixed(p, EnumSet.noneOf(CorruptionGenerator.Damage.class)));
    sets.add(d);
  }
  CorruptionGenerator g = new CorruptionGenerator(4); List<String> d = new ArrayList<>();
  for (CorruptionGenerator.Damage k : CorruptionGenerator.Damage.values())
    for (String p : clean.subList(0, 3000)) d.add(g.damage(p, k));
  sets.add(d);
  for (List<String> set : sets) for (String l : set) {
    RepairResult res = r.repair(l); lines++; if (res.changed()) changed++;
    md.update(res.repaired().getBytes());
    for (Edit e : res.edits()) { md.update(e.toString().getBytes()); md.update(Long.toString(Double.doubleToLongBits(e.confidence())).getBytes()); }
  }
  System.out.println(lines + " lines, " + changed + " changed, sha256 " + HexFormat.of().formatHex(md.digest()));
}}
