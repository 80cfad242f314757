namespace DockerReorder.Syntax;

/// <summary>
/// The root of a parsed Dockerfile: the header (BOM, parser directives and the trivia before the
/// first instruction that belongs to no instruction), the instructions, and the trivia after the
/// last one. <see cref="ToFullString"/> is the input, character for character, for every input.
/// </summary>
public sealed class DockerfileSyntax
{
    /// <summary>Creates the root. Used by the parser.</summary>
    public DockerfileSyntax(SourceText source, IReadOnlyList<ParserDirectiveSyntax> directives, char escapeCharacter,
        IReadOnlyList<SyntaxTrivia> headerTrivia, IReadOnlyList<InstructionSyntax> instructions,
        IReadOnlyList<SyntaxTrivia> endOfFileTrivia, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Source = source; Directives = directives; EscapeCharacter = escapeCharacter; HeaderTrivia = headerTrivia;
        Instructions = instructions; EndOfFileTrivia = endOfFileTrivia; Diagnostics = diagnostics;
    }

    /// <summary>The source text.</summary>
    public SourceText Source { get; }

    /// <summary>The parser directives in effect (syntax, escape, check).</summary>
    public IReadOnlyList<ParserDirectiveSyntax> Directives { get; }

    /// <summary>The escape character: <c>\</c> unless a <c># escape=</c> directive set <c>`</c>.</summary>
    public char EscapeCharacter { get; }

    /// <summary>BOM and directive lines (with their line breaks) at the start, owned by no instruction.</summary>
    public IReadOnlyList<SyntaxTrivia> HeaderTrivia { get; }

    /// <summary>The top-level instructions, in order.</summary>
    public IReadOnlyList<InstructionSyntax> Instructions { get; }

    /// <summary>Blank lines and comments after the last instruction.</summary>
    public IReadOnlyList<SyntaxTrivia> EndOfFileTrivia { get; }

    /// <summary>Errors and warnings, in source order.</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    /// <summary>True when a diagnostic is an error (BuildKit would reject the file).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The source text, rebuilt from the tree's pieces.</summary>
    public string ToFullString()
    {
        var sb = new System.Text.StringBuilder(Source.Length);
        foreach (var t in HeaderTrivia) sb.Append(t.Text);
        foreach (var i in Instructions) sb.Append(i.ToFullString());
        foreach (var t in EndOfFileTrivia) sb.Append(t.Text);
        return sb.ToString();
    }

    /// <summary>The original bytes (lossless for invalid UTF-8 too).</summary>
    public byte[] ToFullBytes() => SourceText.Encode(ToFullString());
}
