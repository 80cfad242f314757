using DiffPlex;

namespace DockerReorder.Cli.Diffs;

/// <summary>Splits text into lines that keep their line break; only LF ends a line, as in BuildKit (a lone CR stays inside its line).</summary>
public sealed class LineFeedChunker : IChunker
{
    /// <summary>The shared instance.</summary>
    public static LineFeedChunker Instance { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<string> Chunk(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text.Substring(start, i + 1 - start));
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
