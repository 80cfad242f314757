namespace DockerReorder.Syntax;

/// <summary>What a piece of trivia is. Trivia is every byte that is not part of a token.</summary>
public enum TriviaKind
{
    /// <summary>Spaces and tabs (and other in-line whitespace such as a lone CR).</summary>
    Whitespace,
    /// <summary>A line break: <c>"\n"</c> or <c>"\r\n"</c>.</summary>
    EndOfLine,
    /// <summary>A comment line (<c>#</c> ... up to, not including, the line break), with its indentation.</summary>
    Comment,
    /// <summary>A parser directive line such as <c># escape=`</c> (without the line break).</summary>
    Directive,
    /// <summary>The escape character ending a line plus any spaces or tabs after it (the line break is separate).</summary>
    LineContinuation,
    /// <summary>The UTF-8 byte order mark at the start of the file.</summary>
    ByteOrderMark,
    /// <summary>Bytes the parser could not place anywhere else (kept so the round trip is exact).</summary>
    Skipped,
}
