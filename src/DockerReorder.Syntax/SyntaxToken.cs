namespace DockerReorder.Syntax;

/// <summary>
/// A token with the trivia it owns. <see cref="Text"/> is the exact source text of the token
/// (it may contain line continuations); <see cref="Value"/> is its logical value, as BuildKit
/// would see it after joining continuation lines.
/// </summary>
public sealed class SyntaxToken
{
    /// <summary>Creates a token.</summary>
    public SyntaxToken(SyntaxTokenKind kind, TextSpan span, string text, string value,
        IReadOnlyList<SyntaxTrivia> leadingTrivia, IReadOnlyList<SyntaxTrivia> trailingTrivia)
    {
        Kind = kind; Span = span; Text = text; Value = value;
        LeadingTrivia = leadingTrivia; TrailingTrivia = trailingTrivia;
    }

    /// <summary>What the token is.</summary>
    public SyntaxTokenKind Kind { get; }
    /// <summary>The token's own span, without trivia.</summary>
    public TextSpan Span { get; }
    /// <summary>The exact source text of the token.</summary>
    public string Text { get; }
    /// <summary>The logical value (continuations joined).</summary>
    public string Value { get; }
    /// <summary>Trivia before the token.</summary>
    public IReadOnlyList<SyntaxTrivia> LeadingTrivia { get; }
    /// <summary>Trivia after the token (up to the next token).</summary>
    public IReadOnlyList<SyntaxTrivia> TrailingTrivia { get; }

    /// <summary>The span including leading and trailing trivia.</summary>
    public TextSpan FullSpan
    {
        get
        {
            int start = LeadingTrivia.Count > 0 ? LeadingTrivia[0].Span.Start : Span.Start;
            int end = TrailingTrivia.Count > 0 ? TrailingTrivia[^1].Span.End : Span.End;
            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>The token with its trivia, exactly as in the source.</summary>
    public string ToFullString()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var t in LeadingTrivia) sb.Append(t.Text);
        sb.Append(Text);
        foreach (var t in TrailingTrivia) sb.Append(t.Text);
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
