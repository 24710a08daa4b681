import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;

/**
 * Prints "traditional TAB simplified" for every Han character that ICU's
 * Traditional-Simplified transform changes.  Run by gen_t2s_mapping.py.
 */
public class T2SPairs {
  public static void main(String[] args) {
    Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
    UnicodeSetIterator it = new UnicodeSetIterator(new UnicodeSet("[:Script=Han:]"));
    StringBuilder out = new StringBuilder();
    while (it.next()) {
      String ch = it.getString();
      String simplified = t2s.transliterate(ch);
      if (!simplified.isEmpty() && !simplified.equals(ch)) {
        out.append(ch).append('\t').append(simplified).append('\n');
      }
    }
    System.out.print(out);
  }
}
