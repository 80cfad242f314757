using DockerReorder.Syntax;

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
        var (accepted, edits) = Select(fixes);
        return (Write(text, edits), accepted);
    }

    // The fixes accepted and their edits in the order they are written; Fix drops the old tree between this and Write.
    internal static (List<Fix> Accepted, List<(TextEdit Edit, int FixOrder, int EditOrder)> Edits) Select(IEnumerable<Fix> fixes)
    {
        var accepted = new List<Fix>();
        var edits = new List<(TextEdit Edit, int FixOrder, int EditOrder)>();
        if (fixes is IReadOnlyCollection<Fix> { Count: 0 }) return (accepted, edits); // most files: no working tables to make
        // Accepted fixes by their first edit's span, and accepted edits by start: a big file has
        // thousands of fixes, and comparing each with every accepted one was quadratic.
        var acceptedByFirstSpan = new Dictionary<TextSpan, List<Fix>>();
        var byStart = new List<TextEdit>();
        int longest = 0;
        foreach (var fix in fixes)
        {
            var key = FirstSpan(fix);
            if (acceptedByFirstSpan.TryGetValue(key, out var same) && same.Any(a => ReferenceEquals(a, fix) || SameEdits(a, fix))) continue;
            if (fix.Edits.Any(e => OverlapsAny(byStart, longest, e))) continue;
            int order = accepted.Count;
            accepted.Add(fix);
            if (same is null) acceptedByFirstSpan[key] = same = [];
            same.Add(fix);
            for (int i = 0; i < fix.Edits.Count; i++)
            {
                var edit = fix.Edits[i];
                edits.Add((edit, order, i));
                byStart.Insert(UpperBound(byStart, edit.Span.Start), edit);
                longest = Math.Max(longest, edit.Span.Length);
            }
        }
        // Deletions and replacements before insertions at the same offset: an insertion at the end of
        // a deleted range lands after the deletion either way, and at its start it must come first.
        // Sorted in place, not with OrderBy/ThenBy: a native build resolves ThenBy's generic virtual call at
        // run time, ~9% of a one-file run. (FixOrder, EditOrder) is unique, so the order is total.
        var ordered = edits;
        ordered.Sort(static (a, b) =>
        {
            int c = a.Edit.Span.Start.CompareTo(b.Edit.Span.Start);
            if (c == 0) c = (a.Edit.Span.Length == 0 ? 0 : 1).CompareTo(b.Edit.Span.Length == 0 ? 0 : 1);
            if (c == 0) c = a.FixOrder.CompareTo(b.FixOrder);
            if (c == 0) c = a.EditOrder.CompareTo(b.EditOrder);
            return c;
        });
        return (accepted, ordered);
    }

    // The text with the edits written in; the text itself when there are none (a copy of a big file was a tenth of a --check's peak).
    internal static string Write(string text, List<(TextEdit Edit, int FixOrder, int EditOrder)> ordered)
    {
        if (ordered.Count == 0) return text;
        // Written straight into a string of the final length: a builder of a big file is a second copy of it.
        int length = text.Length;
        foreach (var (edit, _, _) in ordered) length += edit.NewText.Length - edit.Span.Length;
        return string.Create(length, (text, ordered), static (destination, state) =>
        {
            var (source, edits) = state;
            LargeTextPages.Advise(destination);
            int position = 0, written = 0;
            foreach (var (edit, _, _) in edits)
            {
                source.AsSpan(position, edit.Span.Start - position).CopyTo(destination[written..]);
                written += edit.Span.Start - position;
                edit.NewText.AsSpan().CopyTo(destination[written..]);
                written += edit.NewText.Length;
                position = edit.Span.End;
            }
            source.AsSpan(position).CopyTo(destination[written..]);
        });
    }

    // Fixes with the same edits have the same first span (a fix without edits: an empty span at -1).
    private static TextSpan FirstSpan(Fix fix) => fix.Edits.Count > 0 ? fix.Edits[0].Span : new TextSpan(-1, 0);

    // The first index whose edit starts after `start`.
    private static int UpperBound(List<TextEdit> byStart, int start)
    {
        int lo = 0, hi = byStart.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (byStart[mid].Span.Start <= start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // An edit can only conflict with one starting in [start - longest, end]: look at those alone.
    private static bool OverlapsAny(List<TextEdit> byStart, int longest, TextEdit edit)
    {
        int k = UpperBound(byStart, edit.Span.Start - longest - 1);
        for (; k < byStart.Count && byStart[k].Span.Start <= edit.Span.End; k++)
        {
            if (Overlaps(byStart[k], edit)) return true;
        }
        return false;
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
