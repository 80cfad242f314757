using System.Text;
using DockerReorder.Syntax.Parsing;

namespace DockerReorder.Syntax.Tests;

/// <summary>
/// Shell-form words are split without copying a word whose value is its own text; the deferred split must give
/// the same words and values as the copying one on any input.
/// </summary>
public class DeferredWordTests
{
    /// <summary>Quotes, escapes (also final), blanks, surrogate pairs and escaped invalid bytes, in random mixes.</summary>
    [Fact]
    public void Deferred_split_gives_the_copying_split_values()
    {
        string[] alphabet = ["a", "b", " ", "\t", "'", "\"", "\\", "`", "\uDCFF", "\U0001F600", "=", "$"];
        var random = new Random(20261122);
        for (int n = 0; n < 20000; n++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 12);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            string text = "x" + sb + "y";
            foreach (char escape in new[] { '\\', '`' })
            {
                int start = 1, end = text.Length - (random.Next(2) == 0 ? 1 : 0);
                var copied = new List<ArgumentPiece>();
                var deferred = new List<ArgumentPiece>();
                WordSplitter.ParseWords(text, start, end, escape, copied, new StringBuilder(), deferVerbatim: false);
                WordSplitter.ParseWords(text, start, end, escape, deferred, new StringBuilder(), deferVerbatim: true);
                Assert.Equal(copied.Count, deferred.Count);
                for (int i = 0; i < copied.Count; i++)
                {
                    var d = deferred[i];
                    Assert.Equal((copied[i].Start, copied[i].End), (d.Start, d.End));
                    Assert.False(copied[i].IsVerbatim);
                    string value = d.IsVerbatim ? text.Substring(d.Start, d.End - d.Start) : d.Value;
                    Assert.Equal(copied[i].Value, value);
                }
            }
        }
    }

    /// <summary>Plain words are deferred; a word losing its final escape or holding an invalid byte is not.</summary>
    [Fact]
    public void Only_words_equal_to_their_text_are_deferred()
    {
        var pieces = new List<ArgumentPiece>();
        string text = "echo \"a b\" c\\";
        WordSplitter.ParseWords(text, 0, text.Length, '\\', pieces, new StringBuilder(), deferVerbatim: true);
        Assert.Equal([true, true, false], pieces.Select(p => p.IsVerbatim));
        Assert.Equal("c", pieces[2].Value);
        pieces.Clear();
        text = "a\uDCFFb";
        WordSplitter.ParseWords(text, 0, text.Length, '\\', pieces, new StringBuilder(), deferVerbatim: true);
        Assert.False(pieces[0].IsVerbatim);
        Assert.Equal("a\uFFFDb", pieces[0].Value);
    }
}
