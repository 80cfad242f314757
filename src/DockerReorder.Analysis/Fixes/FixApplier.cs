using System.Text;

namespace DockerReorder.Analysis.Fixes;

/// <summary>
/// Applies fixes to a text in one pass: edits are sorted by position; a fix whose edits overlap
/// an already accepted fix is skipped (it is retried on the next round of analysis). Several
/// insertions at one offset keep the order of the fixes. The same fix reported by two rules
/// applies once.
/// </summary>
public static class FixApplier
{
    /// <summary>Applies <paramref name="fixes"/> to <paramref name="text"/>; returns the new text and the fixes applied.</summary>
    public static (string Text, IReadOnlyList<Fix> Applied) Apply(string text, IEnumerable<Fix> fixes)
    {
        var accepted = new List<Fix>();
        var edits = new List<(TextEdit Edit, int FixOrder, int EditOrder)>();
        foreach (var fix in fixes)
        {
            if (accepted.Any(a => ReferenceEquals(a, fix) || SameEdits(a, fix))) continue;
            if (fix.Edits.Any(e => edits.Any(x => Overlaps(x.Edit, e)))) continue;
            int order = accepted.Count;
            accepted.Add(fix);
            for (int i = 0; i < fix.Edits.Count; i++) edits.Add((fix.Edits[i], order, i));
        }
        // Deletions and replacements before insertions at the same offset: an insertion at the end of
        // a deleted range lands after the deletion either way, and at its start it must come first.
        var ordered = edits
            .OrderBy(e => e.Edit.Span.Start)
            .ThenBy(e => e.Edit.Span.Length == 0 ? 0 : 1)
            .ThenBy(e => e.FixOrder)
            .ThenBy(e => e.EditOrder)
            .ToList();
        var sb = new StringBuilder(text.Length + 256);
        int position = 0;
        foreach (var (edit, _, _) in ordered)
        {
            sb.Append(text, position, edit.Span.Start - position);
            sb.Append(edit.NewText);
            position = edit.Span.End;
        }
        sb.Append(text, position, text.Length - position);
        return (sb.ToString(), accepted);
    }

    private static bool SameEdits(Fix a, Fix b) => a.Edits.SequenceEqual(b.Edits) && a.FileWrites.SequenceEqual(b.FileWrites);

    // Two edits conflict when their ranges share a character, or one inserts strictly inside the other's range.
    private static bool Overlaps(TextEdit a, TextEdit b)
    {
        if (a.Span.Length == 0 && b.Span.Length == 0) return false;
        if (a.Span.Length == 0) return a.Span.Start > b.Span.Start && a.Span.Start < b.Span.End;
        if (b.Span.Length == 0) return b.Span.Start > a.Span.Start && b.Span.Start < a.Span.End;
        return a.Span.Start < b.Span.End && b.Span.Start < a.Span.End;
    }
}
