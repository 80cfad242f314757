namespace DockerReorder.Syntax;

/// <summary>Parses Dockerfiles into lossless trees. Never throws on any input.</summary>
public static class DockerfileParser
{
    /// <summary>Parses raw bytes (any bytes).</summary>
    public static DockerfileSyntax Parse(ReadOnlySpan<byte> bytes) => Parse(SourceText.From(bytes));

    /// <summary>Parses text.</summary>
    public static DockerfileSyntax Parse(string text) => Parse(SourceText.From(text));

    /// <summary>Parses a source text.</summary>
    public static DockerfileSyntax Parse(SourceText source) => new Parsing.ParserSession(source).Run();
}
