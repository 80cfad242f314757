using System.Text;

namespace DockerReorder.Syntax.Tests.Support;

/// <summary>Structural checks every tree must pass: the pieces tile the source exactly, spans are consistent.</summary>
public static class TreeInvariants
{
    /// <summary>Asserts the round trip and that trivia and tokens cover the text once, in order.</summary>
    public static void AssertLossless(byte[] bytes, DockerfileSyntax tree)
    {
        var back = tree.ToFullBytes();
        if (!back.AsSpan().SequenceEqual(bytes))
            Assert.Fail($"round trip differs: {bytes.Length} bytes in, {back.Length} out; first difference at byte {FirstDifference(bytes, back)}");
        AssertTiling(tree);
    }

    /// <summary>Asserts that header, instructions (leading trivia, tokens with their trivia) and end trivia tile the text.</summary>
    public static void AssertTiling(DockerfileSyntax tree)
    {
        string text = tree.Source.Text;
        int pos = 0;
        var rebuilt = new StringBuilder(text.Length);
        foreach (var t in tree.HeaderTrivia) Piece(t.Span, t.Text);
        foreach (var instruction in tree.Instructions)
        {
            Assert.Equal(pos, instruction.FullSpan.Start);
            foreach (var t in instruction.LeadingTrivia) Piece(t.Span, t.Text);
            Assert.Equal(pos, instruction.Span.Start);
            foreach (var token in instruction.Tokens)
            {
                foreach (var t in token.LeadingTrivia) Piece(t.Span, t.Text);
                Piece(token.Span, token.Text);
                foreach (var t in token.TrailingTrivia) Piece(t.Span, t.Text);
            }
            Assert.Equal(instruction.Span.End, pos);
            Assert.Equal(instruction.FullSpan.End, pos);
            foreach (var a in instruction.ArgumentTokens)
            {
                if (string.CompareOrdinal(text, a.Span.Start, a.Text, 0, a.Span.Length) != 0 || a.Text.Length != a.Span.Length)
                    Assert.Fail($"argument token {Show(a.Text)} does not match its span {a.Span}");
            }
        }
        foreach (var t in tree.EndOfFileTrivia) Piece(t.Span, t.Text);
        Assert.Equal(text.Length, pos);
        Assert.Equal(text, rebuilt.ToString());

        void Piece(TextSpan span, string pieceText)
        {
            // Plain checks: this runs for every piece of thousands of files.
            if (span.Start != pos || span.Length != pieceText.Length || string.CompareOrdinal(text, pos, pieceText, 0, pieceText.Length) != 0)
                Assert.Fail($"piece {span} {Show(pieceText)} does not sit at offset {pos} ({Show(text.Substring(pos, Math.Min(20, text.Length - pos)))})");
            rebuilt.Append(pieceText);
            pos = span.End;
        }
    }

    private static string Show(string s) => "\"" + s.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return i;
        return n;
    }
}
