namespace DockerReorder.Analysis.Context;

/// <summary>
/// The edit DR003's unsafe fix makes: lines appended to the ignore file in force (so they win over
/// any earlier <c>!</c> exception), or a new <c>.dockerignore</c> at the context root when there is none.
/// Appending keeps the file's newline style (CRLF when its first line break is CRLF) and adds the
/// missing final newline first.
/// </summary>
/// <param name="Path">The context-relative file to write.</param>
/// <param name="ExistingText">The file's current text, or null when the file is created.</param>
/// <param name="TextToAppend">What goes after <see cref="ExistingText"/> (the whole file when created).</param>
/// <param name="Lines">The ignore lines added, in order.</param>
public sealed record DockerIgnoreAddition(string Path, string? ExistingText, string TextToAppend, IReadOnlyList<string> Lines)
{
    /// <summary>The comment line that introduces the added patterns.</summary>
    public const string Comment = "# Added by docker-reorder (DR003): keep VCS metadata and dependency folders out of the build context";

    /// <summary>True when the fix creates the file.</summary>
    public bool CreatesFile => ExistingText is null;

    /// <summary>The file's full text after the fix.</summary>
    public string NewText => (ExistingText ?? string.Empty) + TextToAppend;

    /// <summary>
    /// The addition that excludes every finding the fix handles (see <see cref="IgnorableFolder.IsAddedByFix"/>),
    /// or null when there is nothing to add or the ignore file in force cannot be read.
    /// </summary>
    public static DockerIgnoreAddition? For(BuildContext context, IReadOnlyList<IgnorableFolderFinding> findings)
    {
        var lines = new List<string>();
        foreach (var finding in findings)
        {
            if (!finding.Folder.IsAddedByFix)
            {
                continue;
            }

            // Root-only folders found at their usual place use the catalogue's line; the line must exclude the path found.
            var line = finding.Folder.AnyDepth || finding.Path == finding.Folder.Name ? finding.Folder.IgnoreLine : finding.Path;
            if (!lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var existing = context.DockerIgnorePath is null ? null : context.FileSystem.ReadAllText(context.DockerIgnorePath);
        if (context.DockerIgnorePath is not null && existing is null)
        {
            // The file in force cannot be read (or lies outside the context): a new root file would not take effect.
            return null;
        }

        var path = existing is null ? BuildContext.RootDockerIgnoreName : context.DockerIgnorePath!;
        var newline = DetectNewline(existing);
        var text = new System.Text.StringBuilder();
        if (!string.IsNullOrEmpty(existing) && !existing.EndsWith('\n'))
        {
            text.Append(newline);
        }

        text.Append(Comment).Append(newline);
        foreach (var line in lines)
        {
            text.Append(line).Append(newline);
        }

        return new DockerIgnoreAddition(path, existing, text.ToString(), lines);
    }

    private static string DetectNewline(string? text)
    {
        var lineFeed = text?.IndexOf('\n') ?? -1;
        return lineFeed > 0 && text![lineFeed - 1] == '\r' ? "\r\n" : "\n";
    }
}
