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

    /// <summary>
    /// True when the file ends inside the last instruction's line continuation (<c>RUN a \</c> as the last line, or
    /// only comment or empty lines after it): a line written after that instruction would join it.
    /// </summary>
    public bool EndsInsideContinuation
    {
        get
        {
            if (Instructions.Count == 0 || EndOfFileTrivia.Count > 0) return false;
            var last = Instructions[^1];
            var text = Source.Text;
            if (last.Span.End != text.Length || last.Heredocs.Count > 0) return false;
            int end = text.Length;
            if (end > 0 && text[end - 1] == '\n') end--;
            if (end > 0 && text[end - 1] == '\r') end--;
            int start = text.LastIndexOf('\n', Math.Max(end - 1, 0)) + 1;
            if (start < last.Span.Start) start = last.Span.Start;
            // A comment or empty line inside the span is one the continuation skipped (BuildKit's parser does too).
            var lastLine = text.AsSpan(start, end - start).TrimStart(" \t");
            if (start > last.Span.Start && (lastLine.IsEmpty || lastLine[0] == '#')) return true;
            Parsing.ParserSession.TrimContinuation(text, EscapeCharacter, start, end, out bool continues);
            return continues;
        }
    }

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
