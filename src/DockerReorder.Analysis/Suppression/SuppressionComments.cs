using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Suppression;

/// <summary>
/// In-file suppressions: <c># docker-reorder: ignore=DR001,DR002</c> in the comments directly above an
/// instruction silences those rules on it; <c># docker-reorder: ignore-file</c> in the comments before
/// the first instruction silences the whole file.
/// </summary>
public static class SuppressionComments
{
    private const string Marker = "docker-reorder:";

    /// <summary>True when the file header says <c>ignore-file</c>.</summary>
    public static bool IgnoresFile(DockerfileSyntax tree)
    {
        // A directive is text before the first keyword: without the marker there, no trivia need be made
        // (the first instruction's trivia made all its tokens, 3% of checking 10,000 small files).
        if (tree.Instructions.Count > 0 &&
            tree.Source.Text.AsSpan(0, tree.Instructions[0].Span.Start).IndexOf(Marker, StringComparison.OrdinalIgnoreCase) < 0)
            return false;
        var header = tree.HeaderTrivia.AsEnumerable();
        if (tree.Instructions.Count > 0) header = header.Concat(tree.Instructions[0].LeadingTrivia);
        else header = header.Concat(tree.EndOfFileTrivia);
        return header.Where(t => t.Kind is TriviaKind.Comment or TriviaKind.Directive)
            .Any(t => Directive(t.Text) is { } d && d.Equals("ignore-file", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The rule ids suppressed on <paramref name="instruction"/> (<c>*</c> means all).</summary>
    public static IReadOnlySet<string> IgnoredOn(InstructionSyntax instruction)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var comment in instruction.AttachedComments)
        {
            var d = Directive(comment.Text);
            if (d is null) continue;
            if (d.Equals("ignore", StringComparison.OrdinalIgnoreCase)) { ids.Add("*"); continue; }
            if (!d.StartsWith("ignore=", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var id in d["ignore=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                ids.Add(id);
        }
        return ids;
    }

    // "# docker-reorder: ignore=DR001" -> "ignore=DR001"
    private static string? Directive(string comment)
    {
        var text = comment.TrimStart().TrimStart('#').Trim();
        if (!text.StartsWith(Marker, StringComparison.OrdinalIgnoreCase)) return null;
        return text[Marker.Length..].Trim().Replace(" ", "", StringComparison.Ordinal);
    }
}
