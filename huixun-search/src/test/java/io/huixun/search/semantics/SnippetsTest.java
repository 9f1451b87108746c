package io.huixun.search.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.search.HighlightedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void snippetsDoNotMarkATwoCharacterWordAcrossABoundary() {
        String text = "我们和服务员聊天";
        WordStarts stored = WordStarts.of(WordStarts.encode(text.length(), ChineseAnalysis.words(text)));
        // Stored word starts (the index's segmentation) and re-segmentation (older documents) agree.
        for (WordStarts starts : List.of(stored, WordStarts.UNKNOWN)) {
            HighlightedText marked = Snippets.passage(text, List.of("和服"), starts);
            assertThat(marked.marks()).isEmpty();
            assertThat(Snippets.passage(text, List.of("服务"), starts).marks()).hasSize(1);
            assertThat(Snippets.markAll(text, List.of("和服", "聊天"), starts).marks())
                    .containsExactly(new HighlightedText.Span(6, 8));
        }
    }
}
