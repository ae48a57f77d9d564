package dev.dsls.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {
    @Test
    void stripsTheByteOrderMark() {
        SourceText source = SourceText.decode("\uFEFFkind: DaemonSet\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("kind: DaemonSet\n", source.text());
        assertNull(source.encodingProblem());
    }

    @Test
    void reportsTheFirstByteThatIsNotUtf8AndKeepsTheRest() {
        byte[] bytes = {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        SourceText source = SourceText.decode(bytes);
        assertEquals(8, source.badByteOffset());
        assertEquals(Range.of(1, 3, 1, 4), source.encodingProblem().range());
        assertEquals("c: \uFFFD(", source.text().split("\n")[1]);
    }
}
